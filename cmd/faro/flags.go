package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"
)

// flagSet is a flag.FlagSet whose flags fall back to FARO_* environment
// variables: --index reads FARO_INDEX, --year-from reads FARO_YEAR_FROM.
type flagSet struct {
	*flag.FlagSet
	envErr error
}

func newFlags(name string, out io.Writer) *flagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(out)
	return &flagSet{FlagSet: fs}
}

func envName(flagName string) string {
	return "FARO_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

func (f *flagSet) string(name, def, help string) *string {
	if v, ok := os.LookupEnv(envName(name)); ok {
		def = v
	}
	return f.String(name, def, help+" (env "+envName(name)+")")
}

func (f *flagSet) bool(name string, def bool, help string) *bool {
	if v, ok := os.LookupEnv(envName(name)); ok {
		b, err := strconv.ParseBool(v)
		if err != nil {
			f.envErr = fmt.Errorf("%s=%q: not a boolean", envName(name), v)
		}
		def = b
	}
	return f.Bool(name, def, help+" (env "+envName(name)+")")
}

func (f *flagSet) int(name string, def int, help string) *int {
	if v, ok := os.LookupEnv(envName(name)); ok {
		n, err := strconv.Atoi(v)
		if err != nil {
			f.envErr = fmt.Errorf("%s=%q: not a whole number", envName(name), v)
		}
		def = n
	}
	return f.Int(name, def, help+" (env "+envName(name)+")")
}

func (f *flagSet) duration(name string, def time.Duration, help string) *time.Duration {
	if v, ok := os.LookupEnv(envName(name)); ok {
		d, err := time.ParseDuration(v)
		if err != nil {
			f.envErr = fmt.Errorf("%s=%q: not a duration", envName(name), v)
		}
		def = d
	}
	return f.Duration(name, def, help+" (env "+envName(name)+")")
}

// list is a repeatable flag; values may also be comma-separated.
type list []string

func (l *list) String() string { return strings.Join(*l, ",") }
func (l *list) Set(v string) error {
	for _, x := range strings.Split(v, ",") {
		if x = strings.TrimSpace(x); x != "" {
			*l = append(*l, x)
		}
	}
	return nil
}

func (f *flagSet) list(name, help string) *list {
	l := &list{}
	if v, ok := os.LookupEnv(envName(name)); ok {
		l.Set(v)
	}
	f.Var(l, name, help+" (repeatable; env "+envName(name)+")")
	return l
}

func (f *flagSet) parse(args []string) error {
	if err := f.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitCode(0)
		}
		return exitCode(2)
	}
	return f.envErr
}

// common flags shared by commands.
type common struct {
	index, corpus, logLevel *string
}

func (f *flagSet) common() common {
	return common{
		index:    f.string("index", "data/index", "index directory"),
		corpus:   f.string("corpus", "corpus", "corpus folder of documents to index"),
		logLevel: f.string("log-level", "info", "log level: debug, info, warn, error"),
	}
}

func newLogger(w io.Writer, level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("log level %q: %w", level, err)
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})), nil
}
