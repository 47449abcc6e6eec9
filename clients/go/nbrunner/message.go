package nbrunner

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// DefaultMessageLimit is the size in bytes StatusMessage keeps to. The API server accepts a
// condition message of up to 32768 bytes; the operator copies status.message into its
// condition and may add its own text around it (retry counts, a suggested action), so this
// leaves most of that room free.
const DefaultMessageLimit = 4096

// StatusMessage is a one-paragraph summary for status.message (and the condition's message),
// at most DefaultMessageLimit bytes of valid UTF-8.
func (o Outcome) StatusMessage() string {
	return o.StatusMessageWithin(DefaultMessageLimit)
}

// StatusMessageWithin is StatusMessage with another limit in bytes.
func (o Outcome) StatusMessageWithin(limit int) string {
	return ClipUTF8(o.statusText(), limit)
}

func (o Outcome) statusText() string {
	if o.Succeeded() {
		if o.Result != nil {
			s := o.Result.Statistics
			return fmt.Sprintf("Validation passed: %d/%d code cells succeeded (%.1f%% success rate)",
				s.SucceededCells, s.CodeCells, s.SuccessRate)
		}
		if o.Termination != nil && o.Termination.Statistics != nil {
			s := o.Termination.Statistics
			return fmt.Sprintf("Validation passed: %d code cells, %.1f%% success rate", s.CodeCells, s.SuccessRate)
		}
		return "Validation passed"
	}
	text := ""
	switch {
	case o.Result != nil && o.Result.Error != "":
		text = o.Result.Error
	case o.Termination != nil && o.Termination.Message != "":
		text = o.Termination.Message
	}
	if category := o.Category(); category != "" {
		if text == "" {
			return fmt.Sprintf("Validation failed (%s, exit %d)", category, o.ExitCode)
		}
		return fmt.Sprintf("Validation failed (%s, exit %d): %s", category, o.ExitCode, text)
	}
	if o.Termination != nil {
		return fmt.Sprintf("Validation failed (exit %d)", o.ExitCode)
	}
	reason := ""
	if o.Reason != "" {
		reason = ", " + o.Reason
	}
	return fmt.Sprintf("Validation failed: the validator exited %d%s without a result from nbrunner", o.ExitCode, reason)
}

// ClipUTF8 returns s as valid UTF-8 (invalid bytes become U+FFFD) of at most limit bytes.
// A cut string ends with "…" and is cut between characters, never inside one.
func ClipUTF8(s string, limit int) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	if limit <= 0 {
		return ""
	}
	if len(s) <= limit {
		return s
	}
	const ellipsis = "…"
	suffix := ellipsis
	if limit < len(ellipsis) {
		suffix = ""
	}
	cut := limit - len(suffix)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + suffix
}
