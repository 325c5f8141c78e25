package ocr

import (
	"os"
	"os/exec"
	"syscall"
	"time"

	"golang.org/x/sys/unix"
)

// setProcAttr kills the recogniser when the process that started it dies
// (a worker killed for its deadline or memory takes its tesseract along).
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// limitProcess caps the address space and the processor time of a
// started process (best effort: it runs a moment unlimited). Past the
// processor time the kernel sends SIGXCPU, then SIGKILL a second later.
func limitProcess(pid int, bytes uint64, cpu time.Duration) {
	lim := unix.Rlimit{Cur: bytes, Max: bytes}
	_ = unix.Prlimit(pid, unix.RLIMIT_AS, &lim, nil)
	secs := uint64(max(cpu.Round(time.Second), time.Second) / time.Second)
	lim = unix.Rlimit{Cur: secs, Max: secs + 1}
	_ = unix.Prlimit(pid, unix.RLIMIT_CPU, &lim, nil)
}

// cpuExceeded reports whether the process ended for passing its
// processor-time limit.
func cpuExceeded(st *os.ProcessState) bool {
	if st == nil {
		return false
	}
	ws, ok := st.Sys().(syscall.WaitStatus)
	return ok && ws.Signaled() && (ws.Signal() == syscall.SIGXCPU || ws.Signal() == syscall.SIGKILL)
}
