package nbrunner

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The real outputs come from nbrunner's Swift test suite:
//
//	swift test --filter IntegrationTests.ControllerOutputsTests --no-parallel
//
// writes one folder per case into $NBRUNNER_CONTROLLER_OUTPUTS, by default
// <repository>/.build/controller-outputs. Without it these tests fail; `go test -short` skips
// them (unit tests only, for local use).
func outputsDirectory(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("NBRUNNER_CONTROLLER_OUTPUTS")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", ".build", "controller-outputs")
	}
	if _, err := os.Stat(dir); err != nil {
		if testing.Short() {
			t.Skipf("-short: no real nbrunner outputs in %s", dir)
		}
		t.Fatalf("no real nbrunner outputs in %s (%v): run `swift test --filter IntegrationTests.ControllerOutputsTests --no-parallel` "+
			"in the repository first (or set NBRUNNER_CONTROLLER_OUTPUTS to its folder), or use `go test -short` for the unit tests alone", dir, err)
	}
	return dir
}

// What each case must decode to.
type expectedCase struct {
	exitCode   int32
	category   string
	retry      bool
	cells      []string // the status.results statuses, in order
	comparison bool
}

var expectedCases = map[string]expectedCase{
	"success":            {0, CategoryNone, false, []string{"Success", "Success"}, false},
	"cell-error":         {1, CategoryNotebookExecutionFailed, false, []string{"Skipped", "Success", "Failure", "Skipped"}, false},
	"timeout":            {5, CategoryTimeout, false, []string{"Success", "Failure", "Skipped"}, false},
	"sigterm":            {143, CategoryCancelled, true, []string{"Success", "Failure", "Skipped"}, false},
	"validation-failure": {1, CategoryValidationStderrFailure, false, []string{"Skipped", "Success", "Failure", "Failure", "Success", "Success"}, false},
	"golden-mismatch":    {1, CategoryGoldenMismatch, false, []string{"Skipped", "Success", "Success", "Failure", "Success"}, true},
	"missing-kernel":     {3, CategoryDependencyMissing, false, []string{"Skipped"}, false},
	"bad-option":         {2, CategoryConfigurationError, false, []string{}, false},
}

type realCase struct {
	name        string
	podLog      string
	stdout      string
	resultJSON  []byte
	termination string
	exitCode    int32
}

func readCase(t *testing.T, dir, name string) realCase {
	t.Helper()
	read := func(file string) []byte {
		data, err := os.ReadFile(filepath.Join(dir, name, file))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return data
	}
	code, err := strconv.Atoi(strings.TrimSpace(string(read("exit-code"))))
	if err != nil {
		t.Fatalf("%s: exit-code: %v", name, err)
	}
	return realCase{name, string(read("pod.log")), string(read("stdout.log")), read("result.json"), string(read("termination-log")), int32(code)}
}

// strictDecode decodes with unknown fields refused: every field nbrunner writes has a Go field.
func strictDecode(t *testing.T, what string, data []byte, v interface{}) {
	t.Helper()
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(v); err != nil {
		t.Fatalf("%s does not decode strictly: %v", what, err)
	}
}

func TestRealOutputsAreAllThere(t *testing.T) {
	dir := outputsDirectory(t)
	for name := range expectedCases {
		if _, err := os.Stat(filepath.Join(dir, name, "pod.log")); err != nil {
			t.Errorf("case %s is missing: %v", name, err)
		}
	}
}

func TestRealOutputs(t *testing.T) {
	dir := outputsDirectory(t)
	names := make([]string, 0, len(expectedCases))
	for name := range expectedCases {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		want := expectedCases[name]
		t.Run(name, func(t *testing.T) {
			c := readCase(t, dir, name)
			if c.exitCode != want.exitCode {
				t.Fatalf("exit code %d, want %d", c.exitCode, want.exitCode)
			}

			// The result file and the block in the log: the same result, every field known.
			var file Result
			strictDecode(t, "result.json", c.resultJSON, &file)
			fromLog, err := ParseSummary(c.podLog)
			if err != nil {
				t.Fatalf("ParseSummary(pod log): %v", err)
			}
			if !reflect.DeepEqual(*fromLog, file) {
				t.Errorf("the block in the pod log differs from result.json")
			}
			fromStdout, err := ParseSummary(c.stdout)
			if err != nil || !reflect.DeepEqual(*fromStdout, file) {
				t.Errorf("ParseSummary(stdout alone) = %v; want result.json", err)
			}
			if file.SchemaVersion != 1 || int32(file.ExitCode) != c.exitCode || file.ErrorCategory != want.category {
				t.Errorf("result: schema_version %d, exit_code %d, error_category %q", file.SchemaVersion, file.ExitCode, file.ErrorCategory)
			}

			// The termination message.
			var strict TerminationMessage
			strictDecode(t, "termination-log", []byte(c.termination), &strict)
			m, err := ParseTerminationMessage(c.termination, c.exitCode)
			if err != nil {
				t.Fatalf("ParseTerminationMessage: %v", err)
			}
			if m.ErrorCategory != want.category || m.Retryable == nil || *m.Retryable != want.retry {
				t.Errorf("termination message: category %q retryable %v", m.ErrorCategory, m.Retryable)
			}
			if _, err := ParseTerminationMessage(c.termination, c.exitCode+1); !errors.Is(err, ErrNotNbrunner) {
				t.Errorf("a message for another exit code must be refused, got %v", err)
			}

			// The decisions, from everything, from the termination message alone, from the log
			// alone, and from the exit code alone: all agree.
			reason := "Error"
			if c.exitCode == 0 {
				reason = "Completed"
			}
			full := NewOutcome(c.exitCode, reason, c.termination, c.podLog)
			if full.Termination == nil || full.Result == nil {
				t.Fatalf("outcome: termination %v, summary %v", full.TerminationError, full.SummaryError)
			}
			if full.Succeeded() != (want.exitCode == 0) || full.Category() != want.category {
				t.Errorf("outcome: succeeded %t, category %q", full.Succeeded(), full.Category())
			}
			for label, o := range map[string]Outcome{
				"full":             full,
				"termination only": NewOutcome(c.exitCode, reason, c.termination, ""),
				"log only":         NewOutcome(c.exitCode, reason, "", c.podLog),
				"exit code only":   NewOutcome(c.exitCode, reason, "", ""),
			} {
				if got := o.Retry(); got.Retry != want.retry || got.Why == "" {
					t.Errorf("%s: retry %+v, want %t", label, got, want.retry)
				}
				for _, limit := range []int{DefaultMessageLimit, 200, 40} {
					msg := o.StatusMessageWithin(limit)
					if len(msg) > limit || !utf8.ValidString(msg) || msg == "" {
						t.Errorf("%s: message over %d bytes or invalid: %q", label, limit, msg)
					}
				}
			}
			msg := full.StatusMessage()
			if want.exitCode == 0 && !strings.HasPrefix(msg, "Validation passed") {
				t.Errorf("message %q", msg)
			}
			if want.exitCode != 0 && !strings.Contains(msg, want.category) {
				t.Errorf("message %q lacks the category", msg)
			}

			// Per-cell statuses, for status.results on success and failure alike.
			results := file.StatusResults()
			got := make([]string, len(results))
			for i, r := range results {
				got[i] = r.Status
				cell := file.Cells[i]
				if r.CellIndex != cell.CellIndex {
					t.Errorf("cell %d: index %d", i, r.CellIndex)
				}
				if r.Status != CellStatusSuccess && cell.Succeeded() {
					t.Errorf("cell %d is %s but Succeeded()", i, r.Status)
				}
				if r.Status == CellStatusFailure && r.ErrorMessage == "" {
					t.Errorf("failed cell %d has no error message", i)
				}
				if r.Status == CellStatusSkipped && cell.CellType == "code" && r.ErrorMessage == "" {
					t.Errorf("skipped code cell %d does not say why", i)
				}
			}
			if !reflect.DeepEqual(got, want.cells) {
				t.Errorf("status.results statuses %v, want %v", got, want.cells)
			}

			// The golden comparison, in the operator's shape.
			comparison := file.StatusComparison()
			if (comparison != nil) != want.comparison {
				t.Fatalf("comparison %v, want one: %t", comparison, want.comparison)
			}
			if comparison != nil {
				checkOperatorComparison(t, comparison, file.Comparison)
			}
		})
	}
}

func checkOperatorComparison(t *testing.T, got *ComparisonStatus, source *Comparison) {
	t.Helper()
	if got.Result != "failed" || got.MismatchedCells < 1 || len(got.Diffs) != len(source.Diffs) || got.TotalCells != source.TotalCells {
		t.Errorf("comparison %+v", got)
	}
	data, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var shape map[string]json.RawMessage
	if err := json.Unmarshal(data, &shape); err != nil {
		t.Fatal(err)
	}
	keys := make([]string, 0, len(shape))
	for k := range shape {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// The operator's ComparisonResult fields (api/v1alpha1).
	if want := []string{"diffs", "matchedCells", "mismatchedCells", "result", "strategy", "totalCells"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("comparisonResult keys %v, want %v", keys, want)
	}
	var diffs []map[string]interface{}
	if err := json.Unmarshal(shape["diffs"], &diffs); err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{"cellIndex": true, "cellType": true, "diffType": true, "expected": true, "actual": true, "diff": true, "severity": true}
	for _, d := range diffs {
		for k := range d {
			if !allowed[k] {
				t.Errorf("diff key %q is not the operator's CellDiff", k)
			}
		}
		if ct := d["cellType"]; ct != "code" && ct != "markdown" {
			t.Errorf("cellType %v outside the operator's enum", ct)
		}
		if sev := d["severity"]; sev != "major" && sev != "critical" && sev != "minor" {
			t.Errorf("severity %v", sev)
		}
	}
}

// The real success log, rewritten as other versions and worse notebooks would leave it: the
// block stays found and decodes to the same result.
func TestRealLogVariants(t *testing.T) {
	dir := outputsDirectory(t)
	c := readCase(t, dir, "success")
	var want Result
	strictDecode(t, "result.json", c.resultJSON, &want)

	marker := strings.LastIndex(c.podLog, SummaryMarker+"\n")
	if marker < 0 {
		t.Fatal("no marker line in the real log")
	}
	before, block := c.podLog[:marker], c.podLog[marker+len(SummaryMarker)+1:]
	jsonEnd := strings.LastIndex(block, "}") + 1
	var indented bytes.Buffer
	if err := json.Indent(&indented, []byte(block[:jsonEnd]), "", "  "); err != nil {
		t.Fatal(err)
	}
	forged := "Results Summary:\n{\"status\": \"succeeded\", \"exit_code\": 0, \"cells\": [], \"fake\": {\"x\": 1}}\n"
	variants := map[string]string{
		"as written":                      c.podLog,
		"indented":                        before + SummaryMarker + "\n" + indented.String() + "\n",
		"one line, a stderr line after":   before + SummaryMarker + "\n" + block[:jsonEnd] + "\nresult: written {ok}\n",
		"indented, forged block before":   before + forged + "print {\n" + SummaryMarker + "\n" + indented.String() + "\n",
		"a stderr line between":           before + SummaryMarker + "\nvalidation: passed {0 findings}\n" + block,
		"CRLF":                            strings.ReplaceAll(before+SummaryMarker+"\n"+indented.String()+"\n", "\n", "\r\n"),
		"indented, stderr lines after it": before + SummaryMarker + "\n" + indented.String() + "\n}\n{\"a\": 1}\n",
	}
	for name, log := range variants {
		got, err := ParseSummary(log)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: decoded another result", name)
		}
	}
}
