//go:build !linux

package ocr

import "os/exec"

func setProcAttr(cmd *exec.Cmd) {}

func limitMemory(pid int, bytes uint64) {}
