package main

import (
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

// writeFileAtomic writes a file with the given mode through a temporary one
// in the same directory, so a failed write never leaves half a file where a
// good one was.
func writeFileAtomic(path string, mode os.FileMode, write func(io.Writer) error) error {
	if err := notAFolder(path); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return cannotWrite(path, err)
	}
	defer os.Remove(tmp.Name())
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		return cannotWrite(path, err)
	}
	return nil
}

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
