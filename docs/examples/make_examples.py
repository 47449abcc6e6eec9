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

# The credentials guide's MySQL code, run against MariaDB (the same driver and protocol).
nbformat.write(nb([
    new_markdown_cell("# MariaDB / MySQL features\nQueries a features table with mysql.connector, as "
                      "the credentials guide shows for MySQL. Needs `DB_HOST`, `DB_PORT`, `DB_NAME`, "
                      "`DB_USER` and `DB_PASSWORD`."),
    new_code_cell("import mysql.connector\n"
                  "import pandas as pd\n"
                  "import os\n"
                  "\n"
                  "# Connect to MySQL (or MariaDB)\n"
                  "conn = mysql.connector.connect(\n"
                  "    host=os.environ['DB_HOST'],\n"
                  "    port=int(os.environ['DB_PORT']),\n"
                  "    database=os.environ['DB_NAME'],\n"
                  "    user=os.environ['DB_USER'],\n"
                  "    password=os.environ['DB_PASSWORD']\n"
                  ")"),
    new_code_cell("import warnings\n"
                  "with warnings.catch_warnings():\n"
                  "    warnings.simplefilter('ignore', UserWarning)  # pandas prefers SQLAlchemy; a DBAPI connection works\n"
                  "    df = pd.read_sql('SELECT id, name, value FROM features ORDER BY id', conn)\n"
                  "conn.close()\n"
                  "print(f'{len(df)} feature rows')\n"
                  "assert len(df) > 0, 'the features table is empty'\n"
                  "print('mean value', round(df['value'].mean(), 3))"),
]), "docs/examples/mariadb-features.ipynb")

REDIS_SETUP = (
    "import os\n"
    "import redis\n"
    "r = redis.Redis(\n"
    "    host=os.environ['REDIS_HOST'],\n"
    "    port=int(os.environ.get('REDIS_PORT', '6379')),\n"
    "    username=os.environ.get('REDIS_USERNAME'),  # an ACL user; unset for requirepass\n"
    "    password=os.environ['REDIS_PASSWORD'],\n"
    "    decode_responses=True,\n"
    ")\n"
    "assert r.ping()")

nbformat.write(nb([
    new_markdown_cell("# Redis feature cache\nReads feature weights from a Redis hash and caches a "
                      "computed value with an expiry. Needs `REDIS_HOST`, `REDIS_PASSWORD`, and "
                      "optionally `REDIS_PORT` and `REDIS_USERNAME` (an ACL user)."),
    params("features_key = 'features'\ncache_key = 'cache:mean-weight'"),
    new_code_cell(REDIS_SETUP),
    new_code_cell("weights = {name: float(value) for name, value in r.hgetall(features_key).items()}\n"
                  "print(f'{len(weights)} feature weights, model version {r.get(\"model:version\")}')\n"
                  "assert weights, f'no hash {features_key}'\n"
                  "mean = round(sum(weights.values()) / len(weights), 3)\n"
                  "r.set(cache_key, mean, ex=3600)\n"
                  "print('cached mean weight', r.get(cache_key))"),
]), "docs/examples/redis-cache.ipynb")

MLFLOW_SETUP = (
    "import mlflow\n"
    "import os\n"
    "\n"
    "# Set tracking URI and credentials (the client reads MLFLOW_TRACKING_USERNAME and\n"
    "# MLFLOW_TRACKING_PASSWORD itself; a missing one fails here with a KeyError naming it)\n"
    "mlflow.set_tracking_uri(os.environ['MLFLOW_TRACKING_URI'])\n"
    "os.environ['MLFLOW_TRACKING_USERNAME'] = os.environ['MLFLOW_TRACKING_USERNAME']\n"
    "os.environ['MLFLOW_TRACKING_PASSWORD'] = os.environ['MLFLOW_TRACKING_PASSWORD']")

nbformat.write(nb([
    new_markdown_cell("# MLflow tracking\nLogs a run (a parameter, a metric and a small artifact) "
                      "to an MLflow tracking server with basic auth, then reads it back. Needs "
                      "`MLFLOW_TRACKING_URI`, `MLFLOW_TRACKING_USERNAME` and `MLFLOW_TRACKING_PASSWORD`."),
    params("experiment = 'my-experiment'"),
    new_code_cell(MLFLOW_SETUP),
    new_code_cell("# Start experiment\n"
                  "mlflow.set_experiment(experiment)\n"
                  "\n"
                  "with mlflow.start_run() as run:\n"
                  "    # Log parameters\n"
                  "    mlflow.log_param('learning_rate', 0.01)\n"
                  "    # Log metrics\n"
                  "    mlflow.log_metric('accuracy', 0.95)\n"
                  "    # Log an artifact (through the server's artifact proxy)\n"
                  "    mlflow.log_text('learning_rate: 0.01\\n', 'model/config.yaml')"),
    new_code_cell("logged = mlflow.get_run(run.info.run_id)\n"
                  "assert logged.data.metrics['accuracy'] == 0.95\n"
                  "assert logged.data.params['learning_rate'] == '0.01'\n"
                  "artifacts = [a.path for a in mlflow.artifacts.list_artifacts(run_id=run.info.run_id, artifact_path='model')]\n"
                  "print(f'run {run.info.run_id} in {experiment}: accuracy 0.95, artifacts {artifacts}')"),
]), "docs/examples/mlflow-tracking.ipynb")

# The guide's end-to-end pipeline, without its OpenAI and scikit-learn steps: training rows
# from S3, feature weights from PostgreSQL, a run in MLflow, the scored rows back to S3.
nbformat.write(nb([
    new_markdown_cell("# End-to-end ML pipeline\nTraining rows from S3, feature weights from "
                      "PostgreSQL, a scored model tracked in MLflow, the scored rows back to S3. "
                      "Needs the credentials of all three."),
    params("bucket = 'training-data'\ninput_key = 'input/train.csv'\noutput_key = 'models/scored.csv'\n"
           "experiment = 'fraud-detection'\nthreshold = 7.0"),
    new_code_cell(S3_SETUP),
    new_code_cell(PG_SETUP),
    new_code_cell(MLFLOW_SETUP),
    new_code_cell("import pandas as pd\n"
                  "# 1. Load data from S3\n"
                  "df = pd.read_csv(io.BytesIO(s3.get_object(Bucket=bucket, Key=input_key)['Body'].read()))\n"
                  "# 2. Load features from the database\n"
                  "with conn, conn.cursor() as cur:\n"
                  "    cur.execute('SELECT name, value FROM features')\n"
                  "    weights = dict(cur.fetchall())\n"
                  "conn.close()\n"
                  "print(f'{len(df)} training rows, {len(weights)} feature weights')"),
    new_code_cell("# 3. Score and track with MLflow\n"
                  "mlflow.set_experiment(experiment)\n"
                  "df['score'] = df['amount'] * weights.get('income', 0.0)\n"
                  "df['predicted'] = (df['score'] > threshold).astype(int)\n"
                  "accuracy = float((df['predicted'] == df['label']).mean())\n"
                  "with mlflow.start_run() as run:\n"
                  "    mlflow.log_param('model_type', 'weighted-threshold')\n"
                  "    mlflow.log_param('threshold', threshold)\n"
                  "    mlflow.log_metric('accuracy', accuracy)\n"
                  "    mlflow.log_text(df.to_csv(index=False), 'scored.csv')\n"
                  "# 4. Save results to S3\n"
                  "s3.put_object(Bucket=bucket, Key=output_key, Body=df.to_csv(index=False).encode())\n"
                  "print(f'run {run.info.run_id}: accuracy {accuracy}; scored rows in s3://{bucket}/{output_key}')"),
]), "docs/examples/ml-pipeline.ipynb")
