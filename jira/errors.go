package jira

import (
	"encoding/json"
	"sort"
	"strings"
)

// Kind says what went wrong in words the command line maps to exit codes.
type Kind int

// Kinds of Jira errors.
const (
	KindConfig      Kind = iota + 1 // the configuration cannot work
	KindAuth                        // 401/403: credentials or permissions refused
	KindUnreachable                 // network failure, timeout, or 5xx/429 after retries
	KindGone                        // 410: an endpoint Jira removed
	KindNotFound                    // 404
	KindRequest                     // another 4xx: Jira rejected the request (bad JQL, say)
	KindProtocol                    // a response that is not what the API promises
)

// Error is a failure talking to Jira. Its text never holds a secret.
type Error struct {
	Kind    Kind
	Status  int    // HTTP status, 0 when there was no response
	Message string // Jira's own explanation, when it gave one
	Err     error
	// Deployment is what the site said it is (serverInfo answers
	// anonymously) when it then refused the credentials: the kind of token
	// it takes, for the hint.
	Deployment string
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	}
	if e.Message != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(e.Message)
	}
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

// jiraErrorMessage extracts the messages of Jira's error body
// ({"errorMessages":[…],"errors":{"field":"…"}}) as one line.
func jiraErrorMessage(body []byte) string {
	var parsed struct {
		ErrorMessages []string          `json:"errorMessages"`
		Errors        map[string]string `json:"errors"`
		Message       string            `json:"message"`
	}
	if json.Unmarshal(body, &parsed) != nil {
		return ""
	}
	msgs := append([]string(nil), parsed.ErrorMessages...)
	keys := make([]string, 0, len(parsed.Errors))
	for k := range parsed.Errors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		msgs = append(msgs, k+": "+parsed.Errors[k])
	}
	if parsed.Message != "" {
		msgs = append(msgs, parsed.Message)
	}
	line := strings.Join(msgs, "; ")
	line = strings.Join(strings.Fields(line), " ")
	if r := []rune(line); len(r) > 300 {
		line = string(r[:300]) + "…"
	}
	return line
}
