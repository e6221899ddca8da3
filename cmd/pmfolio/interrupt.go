package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"syscall"
	"time"
)

// interruptGrace is how long a command has, after the first Ctrl-C, to stop
// by itself before the process ends anyway. Every write to the database is
// one SQLite transaction and every file is written through a temporary one,
// so ending at any moment leaves both as they were or fully updated; the
// grace only lets a command clean up after itself.
const interruptGrace = 500 * time.Millisecond

// interrupts turns SIGINT and SIGTERM into a stop for one command line.
// The first signal cancels the command's context, or, for a command that
// stops at its own pace (sync: after the page it is committing), closes
// stop. A second signal ends the process at once. Either way the command
// ends with "interrupted" and exit 130 (143 for SIGTERM).
type interrupts struct {
	io     IO
	cancel context.CancelFunc
	stop   chan struct{} // closed at the first signal

	mu       sync.Mutex
	first    os.Signal // nil until a signal arrives
	graceful bool

	done, exited chan struct{}

	// atExit is what to undo when the process ends before the command
	// returns (its defers never run then): temporary files, the terminal's
	// echo that a secret prompt turned off.
	atExit map[int]func()
	nextID int
}

// interruptsKey is where a command's context holds its *interrupts.
type interruptsKey struct{}

// atExit has f run if the process ends at a second signal or after the
// grace, before the command has undone by itself what f undoes; done
// says it has. Outside run (tests calling a command's
// function) there is no such exit and f never runs.
func atExit(ctx context.Context, f func()) (done func()) {
	in, _ := ctx.Value(interruptsKey{}).(*interrupts)
	if in == nil {
		return func() {}
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	id := in.nextID
	in.nextID++
	in.atExit[id] = f
	return func() {
		in.mu.Lock()
		defer in.mu.Unlock()
		delete(in.atExit, id)
	}
}

// watchInterrupts starts watching stdio.Signals for a command running
// under the context it returns; release stops watching.
func watchInterrupts(ctx context.Context, stdio IO) (*interrupts, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	in := &interrupts{io: stdio, cancel: cancel, stop: make(chan struct{}),
		done: make(chan struct{}), exited: make(chan struct{}), atExit: map[int]func(){}}
	go in.watch()
	return in, context.WithValue(ctx, interruptsKey{}, in)
}

// stopGracefully says the command stops by itself once stop is closed,
// rather than by having its context cancelled.
func (in *interrupts) stopGracefully() <-chan struct{} {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.graceful = true
	return in.stop
}

// signal is the first signal received, or nil.
func (in *interrupts) signal() os.Signal {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.first
}

// err is the error an interrupted command ends with, or nil.
func (in *interrupts) err() error {
	switch in.signal() {
	case nil:
		return nil
	case syscall.SIGTERM:
		return &userError{Kind: kindTerminated}
	}
	return &userError{Kind: kindInterrupted}
}

// release stops watching; the watcher has written its last word when it
// returns, so nothing it prints comes after the command's own output.
func (in *interrupts) release() {
	close(in.done)
	<-in.exited
	in.cancel()
}

func (in *interrupts) watch() {
	defer close(in.exited)
	var grace <-chan time.Time
	for {
		select {
		case <-in.done:
			return
		case <-grace:
			in.exitNow()
			return
		case s := <-in.io.Signals:
			in.mu.Lock()
			first, graceful := in.first == nil, in.graceful
			if first {
				in.first = s
			}
			in.mu.Unlock()
			if !first {
				in.exitNow()
				return
			}
			close(in.stop)
			if graceful {
				// Said to a person at Ctrl-C; a SIGTERM (systemd, cron's
				// timeout, kill) gets the one line of its end only.
				if s == os.Interrupt {
					fmt.Fprintln(in.io.ErrOut, "pmfolio: stopping after the current page (Ctrl-C again to stop now)")
				}
				continue
			}
			in.cancel()
			grace = time.After(interruptGrace)
		}
	}
}

// exitNow ends the process with the interrupted line and code, after
// undoing what the command has not yet (atExit); without an Exit (tests)
// it cancels the context and lets the command return and undo it itself.
func (in *interrupts) exitNow() {
	in.cancel()
	if in.io.Exit == nil {
		return
	}
	in.mu.Lock()
	for _, f := range in.atExit {
		f()
	}
	in.mu.Unlock()
	code := report(in.io.ErrOut, in.err(), hintContext{}, false)
	in.io.Exit(code)
}
