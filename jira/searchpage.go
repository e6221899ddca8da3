package jira

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// readSearchPage reads a search answer as encoding/json would read it into
// a searchPage, but without decoding the issues: each one is the slice of
// body that holds it. encoding/json walks a value twice to decode it
// (validating, then decoding) and a json.RawMessage is a copy, so reading
// the issues of a page that way, and then decoding each one, walked the
// largest answers of a sync four times; decodeIssue validates and decodes
// each issue, and this finds where each one ends, in one quick pass that
// only follows strings and brackets. The paging fields, and any other
// field (which must be valid JSON), are read with encoding/json. As
// json.Decoder does, it reads the first value of body and ignores the
// rest; keys match ignoring case.
func readSearchPage(body []byte) (searchPage, error) {
	var page searchPage
	i := skipSpace(body, 0)
	if bytes.HasPrefix(body[i:], []byte("null")) {
		// An empty page, as encoding/json reads null, and json.Decoder
		// reads the literal alone, whatever follows it ("null0").
		return page, nil
	}
	if i >= len(body) || body[i] != '{' {
		return page, errNotJSONObject(body, i)
	}
	i = skipSpace(body, i+1)
	if i < len(body) && body[i] == '}' {
		return page, nil
	}
	for {
		keyEnd, err := skipValue(body, i)
		if err != nil {
			return page, err
		}
		if body[i] != '"' {
			return page, fmt.Errorf("search page: a key at offset %d is not a string", i)
		}
		var key string
		if err := json.Unmarshal(body[i:keyEnd], &key); err != nil {
			return page, fmt.Errorf("search page: %w", err)
		}
		i = skipSpace(body, keyEnd)
		if i >= len(body) || body[i] != ':' {
			return page, fmt.Errorf("search page: no ':' after the key %q", key)
		}
		i = skipSpace(body, i+1)
		end, err := skipValue(body, i)
		if err != nil {
			return page, err
		}
		if err := page.setField(key, body[i:end]); err != nil {
			return page, fmt.Errorf("search page: %s: %w", key, err)
		}
		i = skipSpace(body, end)
		if i >= len(body) {
			return page, errors.New("search page: the answer ends inside its object")
		}
		switch body[i] {
		case '}':
			return page, nil
		case ',':
			i = skipSpace(body, i+1)
		default:
			return page, fmt.Errorf("search page: %q after the value of %q", body[i], key)
		}
	}
}

// setField reads one field of a search answer into the page.
func (p *searchPage) setField(key string, value []byte) error {
	switch {
	case strings.EqualFold(key, "issues"):
		issues, err := splitArray(value)
		if err != nil {
			return err
		}
		// A second "issues" replaces the first, whose issues decodeIssue
		// will never see: they must be valid JSON here, as encoding/json
		// would have them.
		for _, dropped := range p.Issues {
			if !json.Valid(dropped) {
				return errors.New("an issue of an earlier list is not valid JSON")
			}
		}
		p.Issues = issues
		return nil
	case strings.EqualFold(key, "nextPageToken"):
		return json.Unmarshal(value, &p.NextPageToken)
	case strings.EqualFold(key, "isLast"):
		return json.Unmarshal(value, &p.IsLast)
	case strings.EqualFold(key, "startAt"):
		return json.Unmarshal(value, &p.StartAt)
	case strings.EqualFold(key, "total"):
		return json.Unmarshal(value, &p.Total)
	}
	if !json.Valid(value) {
		return errors.New("not valid JSON")
	}
	return nil
}

// splitArray returns the elements of a JSON array as slices of it, each
// found but not validated; null is no elements.
func splitArray(value []byte) ([]json.RawMessage, error) {
	if string(value) == "null" {
		return nil, nil
	}
	if len(value) == 0 || value[0] != '[' {
		return nil, errors.New("not a list")
	}
	var out []json.RawMessage
	i := skipSpace(value, 1)
	if i < len(value) && value[i] == ']' {
		return []json.RawMessage{}, nil
	}
	for {
		end, err := skipValue(value, i)
		if err != nil {
			return nil, err
		}
		out = append(out, value[i:end:end])
		i = skipSpace(value, end)
		if i >= len(value) {
			return nil, errors.New("the list does not end")
		}
		switch value[i] {
		case ']':
			return out, nil
		case ',':
			i = skipSpace(value, i+1)
		default:
			return nil, fmt.Errorf("%q between two elements of a list", value[i])
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns where the JSON value that starts at b[i] ends. It
// follows strings (and their escapes) and the nesting of objects and
// lists; what lies between is left for whoever decodes the value.
func skipValue(b []byte, i int) (int, error) {
	if i >= len(b) {
		return 0, errors.New("search page: the answer ends where a value should be")
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		var open []byte // the closers expected, innermost last
		for j := i; j < len(b); j++ {
			switch c := b[j]; c {
			case '"':
				end, err := skipString(b, j)
				if err != nil {
					return 0, err
				}
				j = end - 1
			case '{':
				open = append(open, '}')
			case '[':
				open = append(open, ']')
			case '}', ']':
				if len(open) == 0 || open[len(open)-1] != c {
					return 0, fmt.Errorf("search page: %q at offset %d closes nothing open", c, j)
				}
				if open = open[:len(open)-1]; len(open) == 0 {
					return j + 1, nil
				}
			}
		}
		return 0, errors.New("search page: the answer ends inside a value")
	}
	j := i
	for j < len(b) && !endsScalar(b[j]) {
		j++
	}
	if j == i {
		return 0, fmt.Errorf("search page: %q at offset %d starts no value", b[i], i)
	}
	return j, nil
}

// endsScalar reports whether c cannot be part of a number, true, false or
// null, and so ends one.
func endsScalar(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ']', '}', ':', '{', '[', '"':
		return true
	}
	return false
}

// skipString returns where the JSON string that starts at b[i] ends: at
// the first quote after it that an even number of backslashes precedes.
func skipString(b []byte, i int) (int, error) {
	for j := i + 1; ; j++ {
		k := bytes.IndexByte(b[j:], '"')
		if k < 0 {
			return 0, errors.New("search page: the answer ends inside a string")
		}
		j += k
		escapes := 0
		for p := j - 1; b[p] == '\\'; p-- {
			escapes++
		}
		if escapes%2 == 0 {
			return j + 1, nil
		}
	}
}

// getSearchPage fetches a search page and reads it with readSearchPage.
func (c *Client) getSearchPage(ctx context.Context, path string) (searchPage, error) {
	req, err := c.api.NewRequestWithContext(ctx, http.MethodGet, path, nil)
	if err != nil {
		return searchPage{}, &Error{Kind: KindConfig, Err: err}
	}
	resp, err := c.api.Do(req, nil) // go-jira leaves the body to read
	if err != nil {
		return searchPage{}, c.classify(resp, err)
	}
	var body []byte
	if buffered, ok := resp.Body.(bufferedBody); ok {
		body = buffered.data // the issues are slices of it: no copy
	} else {
		body, err = io.ReadAll(resp.Body)
	}
	resp.Body.Close()
	var page searchPage
	if err == nil {
		page, err = readSearchPage(body)
	}
	if err != nil {
		return searchPage{}, c.classify(resp, err)
	}
	return page, nil
}

// errNotJSONObject says what came instead of a JSON object, as briefly as
// an error line allows: an HTML error page says so by its first bytes.
func errNotJSONObject(body []byte, i int) error {
	if i >= len(body) {
		return errors.New("search page: the answer is empty")
	}
	start := body[i:min(len(body), i+20)]
	return fmt.Errorf("search page: the answer is not a JSON object (it starts %q)", start)
}
