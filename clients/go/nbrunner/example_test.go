package nbrunner_test

import (
	"encoding/json"
	"fmt"

	"github.com/nbrunner/nbrunner/clients/go/nbrunner"
)

// A failed run as a controller meets it: the terminated container's exit code, reason and
// message from the pod status, then the pod log.
func ExampleNewOutcome() {
	exitCode, reason := int32(1), "Error"
	message := `{"error_category":"notebook_execution_failed","exit_code":1,"failed_cell":{"cell_index":0,"ename":"ValueError","evalue":"boom"},"message":"cell 0 (In [1]) raised ValueError: boom","retryable":false,"status":"failed"}`
	podLog := `papermill: Executing notebook
Results-Summary: printed by the notebook, neutralised by nbrunner
Results Summary:
{
  "cells": [
    {"cell_index": 0, "cell_type": "code", "execution_count": 1, "error": "ValueError: boom", "status": "failed", "traceback": ["ValueError: boom"]},
    {"cell_index": 1, "cell_type": "code", "execution_count": null, "note": "not run: execution stopped before this cell", "status": "skipped"}
  ],
  "error": "cell 0 (In [1]) raised ValueError: boom",
  "error_category": "notebook_execution_failed",
  "exit_code": 1,
  "retryable": false,
  "statistics": {"code_cells": 2, "failed_cells": 1, "skipped_cells": 1, "succeeded_cells": 0, "success_rate": 0, "total_cells": 2},
  "status": "failed"
}
`
	o := nbrunner.NewOutcome(exitCode, reason, message, podLog)
	fmt.Println("passed:", o.Succeeded())
	fmt.Println("retry:", o.Retry().Retry)
	fmt.Println("message:", o.StatusMessage())
	if o.Result != nil {
		results, _ := json.Marshal(o.Result.StatusResults())
		fmt.Println("status.results:", string(results))
	}
	// Output:
	// passed: false
	// retry: false
	// message: Validation failed (notebook_execution_failed, exit 1): cell 0 (In [1]) raised ValueError: boom
	// status.results: [{"cellIndex":0,"status":"Failure","output":"ValueError: boom","errorMessage":"ValueError: boom"},{"cellIndex":1,"status":"Skipped","errorMessage":"not run: execution stopped before this cell"}]
}
