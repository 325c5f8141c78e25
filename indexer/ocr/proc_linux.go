package ocr

import (
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// setProcAttr kills the recogniser when the process that started it dies
// (a worker killed for its deadline or memory takes its tesseract along).
func setProcAttr(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}

// limitMemory caps the address space of a started process (best effort).
func limitMemory(pid int, bytes uint64) {
	lim := unix.Rlimit{Cur: bytes, Max: bytes}
	_ = unix.Prlimit(pid, unix.RLIMIT_AS, &lim, nil)
}
