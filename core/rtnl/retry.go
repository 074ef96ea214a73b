package rtnl

// maxDumpAttempts bounds the retries of a dump the kernel flags with
// NLM_F_DUMP_INTR (the object list changed while it was being dumped).
const maxDumpAttempts = 8

// retryDump runs attempt until it reports an uninterrupted dump, calling
// reset before each retry. After maxDumpAttempts interrupted attempts the
// last results stay in place and ErrDumpInterrupted is returned.
func retryDump(attempt func() (interrupted bool, err error), reset func()) error {
	for n := 1; ; n++ {
		intr, err := attempt()
		if err != nil {
			return err
		}
		if !intr {
			return nil
		}
		if n >= maxDumpAttempts {
			return ErrDumpInterrupted
		}
		reset()
	}
}
