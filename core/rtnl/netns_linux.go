//go:build linux

package rtnl

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/sys/unix"
)

// inNetNS runs fn on a dedicated OS thread that has entered the namespace
// nsfd. The thread returns to its original namespace afterwards; if that
// fails it stays locked and dies with its goroutine instead of serving
// other goroutines in the wrong namespace. Nothing forks.
func inNetNS(nsfd int, fn func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			runtime.UnlockOSThread()
			errc <- wrapSyscall("open netns", err)
			return
		}
		defer unix.Close(orig)
		if err := unix.Setns(nsfd, unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			errc <- wrapSyscall("setns", err)
			return
		}
		ferr := fn()
		if err := unix.Setns(orig, unix.CLONE_NEWNET); err != nil {
			// Poisoned thread: keep it locked so the runtime discards it.
			errc <- errors.Join(ferr, wrapSyscall("setns (restore)", err))
			return
		}
		runtime.UnlockOSThread()
		errc <- ferr
	}()
	return <-errc
}

// validNetNSName rejects names that are not a single path element.
func validNetNSName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, "/\x00") || len(name) > 255 {
		return &ArgError{Arg: "name", Value: name, Reason: "invalid namespace name"}
	}
	return nil
}

// CreateNetNS creates a named network namespace the way `ip netns add`
// does: /run/netns is made a shared mount point, a new namespace is made
// by unshare(CLONE_NEWNET) on a locked thread, and that thread's
// /proc/self/task/<tid>/ns/net is bind-mounted on /run/netns/<name>.
func CreateNetNS(name string) error {
	if err := validNetNSName(name); err != nil {
		return err
	}
	if err := os.MkdirAll(NetNSRunDir, 0o755); err != nil {
		return fmt.Errorf("rtnl: create netns %q: %w", name, err)
	}
	if err := makeSharedMount(NetNSRunDir); err != nil {
		return err
	}
	path := NetNSPath(name)
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CREAT|unix.O_EXCL|unix.O_CLOEXEC, 0)
	if err != nil {
		return &os.PathError{Op: "create netns", Path: path, Err: err}
	}
	unix.Close(fd)

	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		orig, err := unix.Open("/proc/thread-self/ns/net", unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != nil {
			runtime.UnlockOSThread()
			errc <- wrapSyscall("open netns", err)
			return
		}
		defer unix.Close(orig)
		if err := unix.Unshare(unix.CLONE_NEWNET); err != nil {
			runtime.UnlockOSThread()
			errc <- wrapSyscall("unshare", err)
			return
		}
		src := fmt.Sprintf("/proc/self/task/%d/ns/net", unix.Gettid())
		merr := unix.Mount(src, path, "none", unix.MS_BIND, "")
		if err := unix.Setns(orig, unix.CLONE_NEWNET); err != nil {
			errc <- errors.Join(merr, wrapSyscall("setns (restore)", err)) // thread stays locked and dies
			return
		}
		runtime.UnlockOSThread()
		if merr != nil {
			merr = &os.PathError{Op: "bind netns", Path: path, Err: merr}
		}
		errc <- merr
	}()
	if err := <-errc; err != nil {
		unix.Unlink(path)
		return err
	}
	return nil
}

// makeSharedMount makes dir a shared mount point (binding it onto itself
// first when it is not a mount point), so namespace bind mounts made later
// propagate to other mount namespaces, as iproute2 arranges.
func makeSharedMount(dir string) error {
	err := unix.Mount("", dir, "none", unix.MS_SHARED|unix.MS_REC, "")
	if err == unix.EINVAL {
		if err = unix.Mount(dir, dir, "none", unix.MS_BIND|unix.MS_REC, ""); err == nil {
			err = unix.Mount("", dir, "none", unix.MS_SHARED|unix.MS_REC, "")
		}
	}
	if err != nil {
		return &os.PathError{Op: "make shared mount", Path: dir, Err: err}
	}
	return nil
}

// RemoveNetNS unmounts and removes /run/netns/<name> like `ip netns del`.
// The namespace itself lives on while processes or sockets still use it.
func RemoveNetNS(name string) error {
	if err := validNetNSName(name); err != nil {
		return err
	}
	path := NetNSPath(name)
	if err := unix.Unmount(path, unix.MNT_DETACH); err != nil && err != unix.EINVAL {
		if err == unix.ENOENT {
			return &os.PathError{Op: "remove netns", Path: path, Err: err}
		}
		return &os.PathError{Op: "unmount netns", Path: path, Err: err}
	}
	if err := unix.Unlink(path); err != nil {
		return &os.PathError{Op: "remove netns", Path: path, Err: err}
	}
	return nil
}

// ListNetNS returns the names under /run/netns, sorted (empty when the
// directory does not exist).
func ListNetNS() ([]string, error) {
	ents, err := os.ReadDir(NetNSRunDir)
	if errors.Is(err, os.ErrNotExist) {
		return []string{}, nil
	}
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(ents))
	for _, e := range ents {
		if !e.IsDir() {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}

// openNetNSFile opens a namespace by name or path for IFLA_NET_NS_FD.
func openNetNSFile(nameOrPath string) (int, error) {
	path := NetNSPath(nameOrPath)
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	if err != nil {
		return -1, &os.PathError{Op: "open netns", Path: path, Err: err}
	}
	return fd, nil
}

// LinkSetNetNS moves a link into the namespace named (or at the path)
// ns, like link('set', index=..., net_ns_fd=ns).
func (c *Conn) LinkSetNetNS(index int, ns string) error {
	_, err := c.Call(Call{Object: "link", Cmd: "set", Args: map[string]any{"index": index, "net_ns_fd": ns}})
	return err
}
