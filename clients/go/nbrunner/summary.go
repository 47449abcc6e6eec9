package nbrunner

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// SummaryMarker is the line nbrunner prints before the result JSON at the end of the log.
const SummaryMarker = "Results Summary:"

// ErrNoSummary is returned (wrapped) by ParseSummary when the log holds no result block that
// can be decoded: nbrunner did not get to print one (an OOM kill, a SIGKILL), or the log was
// cut (a log rotated away, a --limit-bytes read).
var ErrNoSummary = errors.New("no nbrunner result block in the log")

// ParseSummary finds nbrunner's result in a pod log and decodes it. The log may be stdout
// alone or stdout and stderr merged, as the container runtime records them.
//
// The block is the LAST line that is exactly "Results Summary:", followed by the JSON: the
// first line after it that starts with "{" opens it, and the JSON ends where the object ends
// (printed indented over many lines, or on one line by older nbrunner versions). Whatever
// comes after the object is ignored. A notebook cannot forge the block: nbrunner prints any
// "Results Summary:" in the notebook's output as "Results-Summary:", and prints its own block
// last. An earlier marker is never used instead of the last one: if the last block cannot be
// decoded, ParseSummary fails rather than trusting text the notebook may have printed.
//
// The block keeps each log line short: a very long string (a huge error message or traceback
// entry) may be clipped there, with a note of how much was cut. The result file holds it whole.
func ParseSummary(podLog string) (*Result, error) {
	after, ok := lastMarkerLine(podLog)
	if !ok {
		return nil, fmt.Errorf("%w: no line %q", ErrNoSummary, SummaryMarker)
	}
	rest := podLog[after:]
	// Normally the JSON starts on the very next line. A log of an older nbrunner version,
	// merged by the runtime from two pipes, may have a stderr line in between: lines that do
	// not open a top-level object ("{" in column 0) are passed over.
	var lastErr error
	for offset := 0; offset < len(rest); {
		end := strings.IndexByte(rest[offset:], '\n')
		next := len(rest)
		if end >= 0 {
			next = offset + end + 1
		}
		if rest[offset] == '{' {
			result, err := decodeResult(rest[offset:])
			if err == nil {
				return result, nil
			}
			lastErr = err
		}
		offset = next
	}
	if lastErr != nil {
		return nil, fmt.Errorf("%w: the JSON after the last %q does not decode: %v", ErrNoSummary, SummaryMarker, lastErr)
	}
	return nil, fmt.Errorf("%w: no JSON after the last %q", ErrNoSummary, SummaryMarker)
}

// lastMarkerLine returns the offset just after the last line that is exactly SummaryMarker
// (a "\r" before its newline is allowed).
func lastMarkerLine(log string) (int, bool) {
	end := len(log)
	for end > 0 {
		i := strings.LastIndex(log[:end], SummaryMarker)
		if i < 0 {
			return 0, false
		}
		end = i
		if i > 0 && log[i-1] != '\n' {
			continue
		}
		after := i + len(SummaryMarker)
		switch {
		case after == len(log):
			return after, true
		case log[after] == '\n':
			return after + 1, true
		case strings.HasPrefix(log[after:], "\r\n"):
			return after + 2, true
		}
	}
	return 0, false
}

// decodeResult decodes the JSON object at the start of text, ignoring what follows it, and
// checks that it is a result (it has status and exit_code).
func decodeResult(text string) (*Result, error) {
	decoder := json.NewDecoder(strings.NewReader(text))
	var raw json.RawMessage
	if err := decoder.Decode(&raw); err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	for _, key := range []string{"status", "exit_code"} {
		if _, ok := fields[key]; !ok {
			return nil, fmt.Errorf("the object has no %q", key)
		}
	}
	var result Result
	if err := json.Unmarshal(raw, &result); err != nil {
		return nil, err
	}
	return &result, nil
}
