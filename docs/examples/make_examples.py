"""Regenerates the example notebooks (run from the repository root with the test venv)."""
import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell

def nb(cells):
    n = new_notebook(cells=cells)
    n.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for i, c in enumerate(n.cells):
        c["id"] = f"cell-{i}"
    return n

def params(source):
    c = new_code_cell(source)
    c.metadata["tags"] = ["parameters"]
    return c

S3_SETUP = (
    "import io, os\n"
    "import boto3\n"
    "# Credentials come from the environment (env, envFrom, External Secrets or a Vault file\n"
    "# loaded by nbrunner): never hard-coded. A missing one fails here with a KeyError naming it.\n"
    "s3 = boto3.client(\n"
    "    's3',\n"
    "    aws_access_key_id=os.environ['AWS_ACCESS_KEY_ID'],\n"
    "    aws_secret_access_key=os.environ['AWS_SECRET_ACCESS_KEY'],\n"
    "    aws_session_token=os.environ.get('AWS_SESSION_TOKEN'),  # temporary credentials, if any\n"
    "    region_name=os.environ.get('AWS_REGION', 'us-east-1'),\n"
    "    endpoint_url=os.environ.get('S3_ENDPOINT_URL'),  # unset on AWS itself\n"
    ")")
PG_SETUP = (
    "import os\n"
    "import psycopg2\n"
    "conn = psycopg2.connect(\n"
    "    host=os.environ['DB_HOST'],\n"
    "    port=int(os.environ.get('DB_PORT', '5432')),\n"
    "    dbname=os.environ['DB_NAME'],\n"
    "    user=os.environ['DB_USER'],\n"
    "    password=os.environ['DB_PASSWORD'],\n"
    "    sslmode=os.environ.get('DB_SSL_MODE', 'prefer'),\n"
    ")")

nbformat.write(nb([
    new_markdown_cell("# S3 pipeline\nDownloads a CSV from a bucket, computes a summary with pandas, "
                      "uploads the result. Needs `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, "
                      "and optionally `AWS_REGION` and `S3_ENDPOINT_URL` (an S3-compatible server)."),
    params("bucket = 'training-data'\ninput_key = 'input/train.csv'\noutput_key = 'output/summary.csv'"),
    new_code_cell(S3_SETUP),
    new_code_cell("import pandas as pd\n"
                  "body = s3.get_object(Bucket=bucket, Key=input_key)['Body'].read()\n"
                  "train = pd.read_csv(io.BytesIO(body))\n"
                  "print(f'{len(train)} rows from s3://{bucket}/{input_key}')\n"
                  "assert len(train) > 0"),
    new_code_cell("summary = train.groupby('label')['amount'].agg(['count', 'mean']).reset_index()\n"
                  "s3.put_object(Bucket=bucket, Key=output_key, Body=summary.to_csv(index=False).encode())\n"
                  "summary"),
]), "docs/examples/s3-pipeline.ipynb")

nbformat.write(nb([
    new_markdown_cell("# PostgreSQL features\nQueries a features table with a read-only role. Needs "
                      "`DB_HOST`, `DB_PORT`, `DB_NAME`, `DB_USER`, `DB_PASSWORD` and optionally `DB_SSL_MODE`."),
    new_code_cell(PG_SETUP),
    new_code_cell("with conn, conn.cursor() as cur:\n"
                  "    cur.execute('SELECT id, name, value FROM features ORDER BY id')\n"
                  "    rows = cur.fetchall()\n"
                  "print(f'{len(rows)} feature rows')\n"
                  "assert rows, 'the features table is empty'\n"
                  "mean = sum(r[2] for r in rows) / len(rows)\n"
                  "print('mean value', round(mean, 3))"),
]), "docs/examples/postgres-features.ipynb")

nbformat.write(nb([
    new_markdown_cell("# Features + training data\nJoins feature weights from PostgreSQL with training "
                      "rows from S3 and uploads the scored rows. Needs both sets of credentials."),
    params("bucket = 'training-data'\ninput_key = 'input/train.csv'\noutput_key = 'output/scored.csv'"),
    new_code_cell(PG_SETUP),
    new_code_cell(S3_SETUP),
    new_code_cell("import pandas as pd\n"
                  "with conn, conn.cursor() as cur:\n"
                  "    cur.execute('SELECT name, value FROM features')\n"
                  "    weights = dict(cur.fetchall())\n"
                  "train = pd.read_csv(io.BytesIO(s3.get_object(Bucket=bucket, Key=input_key)['Body'].read()))\n"
                  "train['score'] = train['amount'] * weights.get('income', 0.0)\n"
                  "s3.put_object(Bucket=bucket, Key=output_key, Body=train.to_csv(index=False).encode())\n"
                  "print(f'scored {len(train)} rows with {len(weights)} feature weights')"),
]), "docs/examples/multi-service.ipynb")
