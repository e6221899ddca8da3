package evidence_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/pmfolio/pmfolio"

// packageImports reads the imports of the non-test Go files of every package
// of the module, by import path. The test is in evidence/, so the module
// root is one level up.
func packageImports(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	err := filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && path != "..") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("..", filepath.Dir(path))
		pkg := module
		if rel != "." {
			pkg += "/" + filepath.ToSlash(rel)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(out[pkg], p) {
				out[pkg] = append(out[pkg], p)
			}
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// closure is every package of the module that pkg imports, directly or not.
func closure(imports map[string][]string, pkg string) []string {
	var seen []string
	var visit func(string)
	visit = func(p string) {
		for _, dep := range imports[p] {
			if strings.HasPrefix(dep, module) && !slices.Contains(seen, dep) {
				seen = append(seen, dep)
				visit(dep)
			}
		}
	}
	visit(pkg)
	return seen
}

// The layout of ../shared/spec/architecture.md: the domain at the centre
// imports nothing of ours and no SQL, HTTP or YAML; only the store speaks
// SQL; the Jira client knows no store; exports only read the domain.
func TestPackagesPointInwardToTheDomain(t *testing.T) {
	imports := packageImports(t)
	ev := module + "/evidence"
	if _, ok := imports[ev]; !ok {
		t.Fatalf("found no package %s among %d packages", ev, len(imports))
	}
	for _, dep := range imports[ev] {
		if strings.HasPrefix(dep, module) || dep == "database/sql" || dep == "net/http" || strings.Contains(dep, "yaml") {
			t.Errorf("evidence imports %s", dep)
		}
	}
	for pkg, deps := range imports {
		if strings.HasPrefix(pkg, ev+"/") && pkg != ev+"/sqlite" && slices.Contains(deps, "database/sql") {
			t.Errorf("%s imports database/sql: only evidence/sqlite may", pkg)
		}
		if !strings.HasPrefix(pkg, module+"/cmd/") && slices.Contains(closure(imports, pkg), ev+"/sqlite") && pkg != ev+"/sqlite" {
			t.Errorf("%s depends on the store: only commands may", pkg)
		}
		if strings.HasPrefix(pkg, ev) {
			for _, dep := range closure(imports, pkg) {
				if !strings.HasPrefix(dep, ev) {
					t.Errorf("%s depends on %s, outside evidence/", pkg, dep)
				}
			}
		}
	}
	for _, dep := range closure(imports, module+"/export") {
		if dep != ev {
			t.Errorf("export depends on %s: exports read the domain only", dep)
		}
	}
}
