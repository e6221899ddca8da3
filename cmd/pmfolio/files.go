package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
)

// writeFileAtomic writes path through a temporary file in the same folder,
// renamed over it once complete, so a failed or interrupted write never
// leaves half a file where a good one was; the temporary file goes even
// when a second Ctrl-C ends the process mid-write. What is already at path
// decides the rest:
//   - a symbolic link stays a link: the file it points to is written;
//   - a device, named pipe or socket (-o /dev/stdout, a FIFO another
//     program reads) is written straight into, as a shell's > does:
//     renaming over it would put a regular file in its place;
//   - a read-only file is refused, as cp refuses it, even for root;
//   - a file keeps its mode (the user chose who may read it), unless mode
//     is private (a file of secrets), which it then gets.
//
// A new file gets mode.
func writeFileAtomic(ctx context.Context, path string, mode os.FileMode, write func(io.Writer) error) error {
	if err := notAFolder(path); err != nil {
		return err
	}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() {
		return writeInto(path, write)
	}
	target := followLinks(path)
	if fi, err := os.Stat(target); err == nil {
		if fi.Mode().Perm()&0o222 == 0 {
			return &userError{Kind: kindOther, Message: fmt.Sprintf("cannot write %s: it is read-only", path),
				Hint: "make it writable (chmod u+w " + path + ") to replace it, or write somewhere else with -o"}
		}
		if mode&0o077 != 0 {
			mode = fi.Mode().Perm()
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return cannotWrite(path, err)
	}
	defer os.Remove(tmp.Name())
	defer atExit(ctx, func() { os.Remove(tmp.Name()) })()
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return cannotWrite(path, err)
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return cannotWrite(path, err)
	}
	if err := os.Rename(tmp.Name(), target); err != nil {
		return cannotWrite(path, err)
	}
	return nil
}

// writeInto writes into a file that is not a regular one, as it is.
func writeInto(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return cannotWrite(path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return cannotWrite(path, err)
	}
	return nil
}

// followLinks is the file path's chain of symbolic links ends at, which
// may not exist yet (a link to a file still to be written).
func followLinks(path string) string {
	for range 40 { // the kernel's own limit on links in a chain
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return path
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return path
}

// refuseToReplace refuses an -o that names one of the files the command
// reads (the database, its companions beside it, the config file): an
// export written over one would destroy it.
func refuseToReplace(output string, inputs []string) error {
	out, err := filepath.Abs(followLinks(output))
	if err != nil {
		return err
	}
	outInfo, outErr := os.Stat(out)
	for _, in := range inputs {
		if in == "" {
			continue
		}
		same := false
		if inInfo, err := os.Stat(in); err == nil && outErr == nil {
			same = os.SameFile(inInfo, outInfo)
		} else if abs, err := filepath.Abs(followLinks(in)); err == nil {
			// Not there yet, such as the -wal file of a closed database:
			// a file of that name would still be taken for it.
			same = abs == out
		}
		if same {
			return usageError("-o %s would replace %s, which pmfolio reads: write the output somewhere else", output, in)
		}
	}
	return nil
}

// databaseFiles are the database at path and the files beside it that
// belong to it: SQLite's journals and the sync lock and log.
func databaseFiles(path string) []string {
	files := []string{path + ".lock", syncLogPath(path)}
	for _, suffix := range databaseSuffixes {
		files = append(files, path+suffix)
	}
	return files
}

// databaseSuffixes end the names of the database and SQLite's journals.
var databaseSuffixes = []string{"", "-wal", "-shm", "-journal"}

// notAFolder refuses an output path that is a folder.
func notAFolder(path string) error {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return &userError{Kind: kindUsage, Message: fmt.Sprintf("cannot write %s: it is a folder", path),
			Hint: "give a file name in it, e.g. " + filepath.Join(path, "portfolio.md")}
	}
	return nil
}

// cannotRead says why the file at path, a config or rules file (what),
// cannot be read, in the user's words: no such file, a folder, no
// permission.
func cannotRead(what, path string, err error) *userError {
	why := err.Error()
	var pathErr *fs.PathError
	switch info, statErr := os.Stat(path); {
	case errors.Is(err, fs.ErrNotExist):
		why = "there is no such file"
	case statErr == nil && info.IsDir():
		why = "it is a folder"
	case errors.Is(err, fs.ErrPermission):
		why = "you have no permission to read it"
	case errors.As(err, &pathErr):
		why = pathErr.Err.Error()
	}
	return &userError{Kind: kindConfig, Message: fmt.Sprintf("cannot read %s %s: %s", what, path, why), Err: err}
}

// cannotWrite says why path cannot be written, in terms of path and its
// folder: never the temporary file the user did not ask for.
func cannotWrite(path string, err error) error {
	dir := filepath.Dir(path)
	var why, hint string
	switch _, statErr := os.Stat(dir); {
	case errors.Is(statErr, fs.ErrNotExist):
		why, hint = "the folder "+dir+" does not exist", "create it first, or write somewhere else with -o"
	case errors.Is(err, fs.ErrPermission):
		why, hint = "no permission to write in "+dir, "write somewhere else with -o"
	default:
		// The system's reason, without the operation and the temporary
		// path *PathError and *LinkError put around it.
		why = err.Error()
		var pathErr *fs.PathError
		var linkErr *os.LinkError
		switch {
		case errors.As(err, &pathErr):
			why = pathErr.Err.Error()
		case errors.As(err, &linkErr):
			why = linkErr.Err.Error()
		}
	}
	return &userError{Kind: kindOther, Message: fmt.Sprintf("cannot write %s: %s", path, why), Hint: hint, Err: err}
}

// outputExtensions are the extensions any command's -o knows, and the
// format each stands for.
var outputExtensions = map[string]string{
	".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html", ".json": "json", ".pdf": "pdf", ".txt": "text",
}

// outputFormat settles -o and --format alike for every command that has
// both (interface.md): "-o -" is standard output; without --format, the
// extension of -o picks one of the formats the command writes, and an
// extension it cannot tell is refused; with --format, an -o whose known
// extension says another format is refused rather than written wrong.
func outputFormat(cmd *cobra.Command, output *string, format *string, formats []string) error {
	if *output == "-" {
		*output = ""
	}
	if *output == "" {
		return nil
	}
	if err := notAFolder(*output); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*output))
	byExt, known := outputExtensions[ext]
	if !cmd.Flags().Changed("format") {
		if !known || !slices.Contains(formats, byExt) {
			return usageError("cannot tell the format of %q from its extension: use %s, or give --format", *output, extensionsFor(formats))
		}
		*format = byExt
		return nil
	}
	if known && byExt != *format && !(byExt == "markdown" && *format == "md") {
		return usageError("-o %s is a %s file but --format is %s: change one of them", *output, ext, *format)
	}
	return nil
}

// extensionsFor lists the extensions of some formats: ".md, .json or .txt".
func extensionsFor(formats []string) string {
	var exts []string
	for _, f := range formats {
		for _, ext := range []string{".md", ".html", ".json", ".pdf", ".txt"} {
			if outputExtensions[ext] == f {
				exts = append(exts, ext)
			}
		}
	}
	return joinOr(exts)
}
