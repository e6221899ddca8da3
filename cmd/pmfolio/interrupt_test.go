package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pmfolio/pmfolio/jira/jiratest"
)

// exitSeen is an IO.Exit for tests: it says what was on disk and whether
// the terminal was restored when the process would have ended, then ends
// the goroutine that called it, as os.Exit would end them all.
type exitSeen struct {
	code     int
	restored bool
	files    []string
}

func fakeExit(dir string, restored func() bool) (func(int), <-chan exitSeen) {
	seen := make(chan exitSeen, 1)
	return func(code int) {
		var files []string
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			files = append(files, e.Name())
		}
		seen <- exitSeen{code, restored(), files}
		runtime.Goexit()
	}, seen
}

func waitSeen(t *testing.T, seen <-chan exitSeen) exitSeen {
	t.Helper()
	select {
	case s := <-seen:
		return s
	case <-time.After(10 * time.Second):
		t.Fatal("the process never ended")
	}
	return exitSeen{}
}

// Ctrl-C twice, or a SIGTERM the command does not heed within the grace,
// ends the process in the middle of writing -o keep.pdf: it leaves no
// .keep.pdf.NNN.tmp behind.
func TestAnInterruptedExportLeavesNoTemporaryFile(t *testing.T) {
	for _, tt := range []struct {
		name    string
		signals []os.Signal
		code    int
	}{
		{"Ctrl-C twice", []os.Signal{os.Interrupt, os.Interrupt}, exitInterrupted},
		{"SIGTERM", []os.Signal{syscall.SIGTERM}, exitTerminated},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			exit, seen := fakeExit(dir, func() bool { return false })
			signals := make(chan os.Signal, 2)
			in, ctx := watchInterrupts(context.Background(), IO{ErrOut: io.Discard, Signals: signals, Exit: exit})
			writing, block := make(chan struct{}), make(chan struct{})
			written := make(chan error)
			go func() {
				written <- writeFileAtomic(ctx, filepath.Join(dir, "keep.pdf"), 0o644, func(w io.Writer) error {
					io.WriteString(w, "%PDF-1.7\n")
					close(writing)
					<-block // a page that takes long to lay out
					return nil
				})
			}()
			<-writing
			for _, s := range tt.signals {
				signals <- s
			}
			got := waitSeen(t, seen)
			close(block)
			<-written
			in.release()
			if got.code != tt.code || len(got.files) != 0 {
				t.Errorf("ended with %d and %v in the folder; want %d and nothing", got.code, got.files, tt.code)
			}
		})
	}
}

// Ctrl-C at init's hidden token prompt, where echo is off, puts the
// terminal back before the process ends: the shell does not stay blind.
func TestCtrlCAtTheHiddenTokenPromptRestoresTheTerminal(t *testing.T) {
	srv := fakeSite(t, jiratest.DeploymentServer, 1)
	env := isolatedEnv(t)
	env["PMFOLIO_CONFIG"] = filepath.Join(t.TempDir(), "config.yaml")
	restored := make(chan struct{})
	exit, seen := fakeExit(t.TempDir(), func() bool {
		select {
		case <-restored:
			return true
		default:
			return false
		}
	})
	prompted, typing := make(chan struct{}), make(chan struct{})
	signals := make(chan os.Signal, 1)
	errOut := &lockedBuffer{}
	done := make(chan int)
	go func() {
		done <- run([]string{"init"}, IO{In: strings.NewReader(srv.URL() + "\n"), Out: io.Discard, ErrOut: errOut, StdinTTY: true,
			Getenv: func(k string) string { return env[k] }, Now: func() time.Time { return testNow },
			ReadSecret: func() (string, error) {
				close(prompted)
				<-typing // term.ReadPassword: blocked in read(2), deaf to the context
				return "", errors.New("interrupted")
			},
			RestoreTerminal: func() { close(restored) },
			Signals:         signals, Exit: exit})
	}()
	select {
	case <-prompted:
	case <-time.After(10 * time.Second):
		t.Fatalf("init never asked for the token: %s", errOut)
	}
	signals <- os.Interrupt
	got := waitSeen(t, seen)
	close(typing)
	<-done
	if got.code != exitInterrupted || !got.restored {
		t.Errorf("ended with %d, terminal restored: %v; want 130 with the terminal restored", got.code, got.restored)
	}
}
