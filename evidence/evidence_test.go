package evidence

import "testing"

func TestSameSiteURL(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"https://acme.atlassian.net", "HTTPS://Acme.Atlassian.net/", true},
		{"https://acme.atlassian.net", "https://acme.atlassian.net/?atlOrigin=x", true},
		{"https://jira.example.com/jira", "https://jira.example.com/jira/", true},
		{"https://jira.example.com/jira", "https://jira.example.com", false},
		{"https://acme.atlassian.net", "https://acme2.atlassian.net", false},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8081", false},
		{"http://acme.atlassian.net", "https://acme.atlassian.net", false},
	} {
		if got := SameSiteURL(tc.a, tc.b); got != tc.same {
			t.Errorf("SameSiteURL(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
}
