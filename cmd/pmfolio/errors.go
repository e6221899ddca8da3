package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pmfolio/pmfolio/evidence"
	"github.com/pmfolio/pmfolio/jira"
)

// Exit codes of interface.md.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitAuth        = 3
	exitUnreachable = 4
	exitLocked      = 5
)

// userError is a failure with the words to show and the exit code to end on.
type userError struct {
	Code    int
	Message string
	Hint    string
	Err     error
}

func (e *userError) Error() string { return e.Message }
func (e *userError) Unwrap() error { return e.Err }

func usageError(format string, args ...any) error {
	return &userError{Code: exitUsage, Message: fmt.Sprintf(format, args...)}
}

// report prints err as one "pmfolio: …" line plus, unless quiet, a hint
// line, and returns the exit code for it. Cron mail under --quiet gets the
// one line only.
func report(w io.Writer, err error, deployment string, quiet bool) int {
	if err == nil {
		return exitOK
	}
	ue := explain(err, deployment)
	fmt.Fprintf(w, "pmfolio: %s\n", oneLine(ue.Message))
	if ue.Hint != "" && !quiet {
		fmt.Fprintf(w, "hint: %s\n", oneLine(ue.Hint))
	}
	return ue.Code
}

// explain maps any error to a userError: the one place that knows which
// failure gets which exit code.
func explain(err error, deployment string) *userError {
	var ue *userError
	if errors.As(err, &ue) {
		return ue
	}
	if errors.Is(err, evidence.ErrLocked) {
		return &userError{Code: exitLocked, Message: "another pmfolio sync is running on this database",
			Hint: "wait for it to finish; cron runs should be at least a few minutes apart"}
	}
	if errors.Is(err, context.Canceled) {
		return &userError{Code: exitFailure, Message: "interrupted"}
	}
	var je *jira.Error
	if errors.As(err, &je) {
		switch je.Kind {
		case jira.KindAuth:
			msg := fmt.Sprintf("Jira refused the credentials (%d)", je.Status)
			if je.Message != "" {
				msg += ": " + je.Message
			}
			return &userError{Code: exitAuth, Message: msg, Hint: authHint(je.Status, deployment)}
		case jira.KindUnreachable:
			return &userError{Code: exitUnreachable, Message: "cannot reach Jira: " + err.Error(),
				Hint: "check JIRA_URL, your network or VPN; if Jira is rate-limiting or down, try again later"}
		case jira.KindConfig:
			return &userError{Code: exitUsage, Message: err.Error()}
		case jira.KindNotFound, jira.KindProtocol:
			return &userError{Code: exitFailure, Message: "this does not look like Jira's REST API: " + err.Error(),
				Hint: "check JIRA_URL: it must be the site's base URL, including a context path such as /jira if the site has one"}
		case jira.KindRequest:
			return &userError{Code: exitFailure, Message: "Jira rejected the request: " + err.Error(),
				Hint: "if you passed --jql, check it in Jira's issue search first"}
		}
	}
	return &userError{Code: exitFailure, Message: err.Error()}
}

func authHint(status int, deployment string) string {
	if status == 403 {
		return "the account lacks permission: it needs Browse Projects on the projects you worked in"
	}
	if deployment == evidence.DeploymentServer {
		return "check JIRA_PAT: personal access tokens expire or get revoked (Profile → Personal Access Tokens)"
	}
	return "check JIRA_EMAIL (your Atlassian account's e-mail) and JIRA_API_TOKEN (it may have expired); " +
		"a scoped token only works with JIRA_URL=https://api.atlassian.com/ex/jira/<cloudId>"
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
