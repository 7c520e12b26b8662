package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"hash/fnv"
	"os"
	"path/filepath"
)

// checkFiles looks for truncated or damaged files in a bleve index
// directory before bleve maps them into memory: reading past the end of a
// truncated memory-mapped file kills the process (SIGBUS) instead of
// returning an error. It checks the root bolt file's meta pages against its
// size and every segment's CRC-32.
func checkFiles(path string) error {
	if err := checkBolt(filepath.Join(path, "store", "root.bolt")); err != nil {
		return err
	}
	segments, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if err != nil {
		return err
	}
	for _, s := range segments {
		if err := checkSegment(s); err != nil {
			return err
		}
	}
	return nil
}

// Layout of a bolt meta page (go.etcd.io/bbolt): a 16-byte page header,
// then magic, version, page size, flags, root bucket (pgid, sequence),
// freelist pgid, high-water pgid, txid and an FNV-64a checksum of the
// meta fields before it. Bolt writes it in the machine's byte order, which
// is little-endian on every platform the project builds for.
const (
	boltMagic       = 0xED0CDAED
	boltVersion     = 2
	boltPageHeader  = 16
	boltMetaLen     = 56 // meta fields before the checksum
	boltMinPageSize = 512
)

var errDamaged = errors.New("damaged index file")

// checkBolt verifies that the newest valid meta page of a bolt file
// describes a file no longer than the file is.
func checkBolt(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("search: %s: %w", filepath.Base(path), err)
	}
	m0, ok0 := boltMeta(b, 0)
	if !ok0 {
		return fmt.Errorf("search: %s: no valid meta page: %w", filepath.Base(path), errDamaged)
	}
	best := m0
	if m1, ok1 := boltMeta(b, int(m0.pageSize)); ok1 && m1.txid > m0.txid {
		best = m1
	}
	if need := best.pgid * uint64(best.pageSize); uint64(len(b)) < need {
		return fmt.Errorf("search: %s is %d bytes, its pages need %d: %w", filepath.Base(path), len(b), need, errDamaged)
	}
	return nil
}

type boltMetaPage struct {
	pageSize   uint32
	pgid, txid uint64
}

func boltMeta(b []byte, off int) (boltMetaPage, bool) {
	start := off + boltPageHeader
	if off < 0 || start+boltMetaLen+8 > len(b) {
		return boltMetaPage{}, false
	}
	m := b[start : start+boltMetaLen+8]
	le := binary.LittleEndian
	h := fnv.New64a()
	h.Write(m[:boltMetaLen])
	if le.Uint32(m[0:]) != boltMagic || le.Uint32(m[4:]) != boltVersion || h.Sum64() != le.Uint64(m[boltMetaLen:]) {
		return boltMetaPage{}, false
	}
	p := boltMetaPage{pageSize: le.Uint32(m[8:]), pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	return p, p.pageSize >= boltMinPageSize
}

// checkSegment verifies a zap segment's trailing CRC-32 (big-endian, of
// every byte before it).
func checkSegment(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("search: %s: %w", filepath.Base(path), err)
	}
	if len(b) < 8 || crc32.ChecksumIEEE(b[:len(b)-4]) != binary.BigEndian.Uint32(b[len(b)-4:]) {
		return fmt.Errorf("search: segment %s fails its checksum: %w", filepath.Base(path), errDamaged)
	}
	return nil
}
