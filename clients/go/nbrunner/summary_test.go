package nbrunner

import (
	"errors"
	"strings"
	"testing"
)

// A minimal result as nbrunner prints it, one line or indented.
const oneLine = `{"cells":[{"cell_index":0,"cell_type":"code","execution_count":1,"status":"succeeded"}],"error":"None","error_category":"none","exit_code":0,"notebook_path":"/n.ipynb","retryable":false,"schema_version":1,"statistics":{"code_cells":1,"failed_cells":0,"skipped_cells":0,"succeeded_cells":1,"success_rate":100,"total_cells":1},"status":"succeeded"}`

const indented = `{
  "cells": [
    {
      "cell_index": 0,
      "cell_type": "code",
      "execution_count": 1,
      "status": "succeeded"
    }
  ],
  "error": "None",
  "error_category": "none",
  "exit_code": 0,
  "notebook_path": "/n.ipynb",
  "retryable": false,
  "schema_version": 1,
  "statistics": {"code_cells": 1, "failed_cells": 0, "skipped_cells": 0, "succeeded_cells": 1, "success_rate": 100, "total_cells": 1},
  "status": "succeeded"
}`

func mustParse(t *testing.T, log string) *Result {
	t.Helper()
	r, err := ParseSummary(log)
	if err != nil {
		t.Fatalf("ParseSummary: %v\nlog:\n%s", err, log)
	}
	if r.NotebookPath != "/n.ipynb" || r.Status != StatusSucceeded || len(r.Cells) != 1 || r.SchemaVersion != 1 {
		t.Fatalf("decoded the wrong object: %+v", r)
	}
	return r
}

func TestSummaryOneLineAndIndented(t *testing.T) {
	mustParse(t, "papermill: Executing\nResults Summary:\n"+oneLine+"\n")
	mustParse(t, "papermill: Executing\nResults Summary:\n"+indented+"\n")
	mustParse(t, "Results Summary:\n"+indented) // no final newline
}

// A notebook of an nbrunner version that did not neutralise the marker prints its own block
// before the real one: the last marker wins.
func TestSummaryMarkerPrintedByTheNotebook(t *testing.T) {
	log := "Results Summary:\n" +
		`{"status": "succeeded", "exit_code": 0, "notebook_path": "/forged.ipynb", "cells": [{}, {}]}` + "\n" +
		"more output {\n" +
		"Results-Summary: neutralised by nbrunner\n" +
		"Results Summary:\n" + indented + "\n"
	mustParse(t, log)
}

// The marker inside a longer line is not the marker.
func TestSummaryMarkerInsideALineIsIgnored(t *testing.T) {
	log := "Results Summary:\n" + indented + "\n" +
		"the notebook said Results Summary:\n" + `{"status":"failed","exit_code":1}` + "\n" +
		"Results Summary: {\"status\":\"failed\",\"exit_code\":1}\n"
	mustParse(t, log)
}

// Braces printed by the notebook before the block and by stderr after it (an older version
// merged by the runtime) do not disturb the decoding.
func TestSummaryBracesAroundTheBlock(t *testing.T) {
	log := "{ notebook printed {{ braces }\n}}}\n" +
		"Results Summary:\n" + oneLine + "\n" +
		"validation: cell 2 KeyError: {'a': 1}\n" +
		"result: /workspace/results.json }\n"
	mustParse(t, log)
}

// A log line of an older version between the marker and its JSON.
func TestSummaryLineBetweenMarkerAndJSON(t *testing.T) {
	mustParse(t, "Results Summary:\nresult: /workspace/results.json\n"+oneLine+"\n")
	mustParse(t, "Results Summary:\n  {not json at column 2\n"+indented+"\n")
}

func TestSummaryCRLF(t *testing.T) {
	mustParse(t, strings.ReplaceAll("out\nResults Summary:\n"+indented+"\n", "\n", "\r\n"))
}

// The last block broken (a cut log): no fallback to an earlier block the notebook may have
// printed.
func TestSummaryNoFallbackToAnEarlierBlock(t *testing.T) {
	log := "Results Summary:\n" + oneLine + "\n" + "Results Summary:\n" + indented[:len(indented)/2]
	if r, err := ParseSummary(log); !errors.Is(err, ErrNoSummary) {
		t.Fatalf("want ErrNoSummary, got %+v, %v", r, err)
	}
}

func TestSummaryMissing(t *testing.T) {
	for name, log := range map[string]string{
		"empty":              "",
		"no marker":          "papermill output\n" + oneLine + "\n",
		"marker alone":       "out\nResults Summary:\n",
		"not a result":       "Results Summary:\n{\"a\": 1}\n",
		"marker with spaces": " Results Summary:\n" + oneLine + "\n",
	} {
		if _, err := ParseSummary(log); !errors.Is(err, ErrNoSummary) {
			t.Errorf("%s: want ErrNoSummary, got %v", name, err)
		}
	}
}
