// Package password hashes passwords with argon2id and stores them in the
// PHC string format: $argon2id$v=19$m=65536,t=1,p=2$<salt>$<hash>, with salt
// and hash in unpadded standard base64.
package password

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"github.com/idebank/idebank/domain"
)

// ErrMalformedHash is returned by Verify for a stored hash it cannot read.
var ErrMalformedHash = errors.New("password: malformed hash")

// Options are the argon2id cost parameters of new hashes. Verify reads
// the parameters from the stored hash, so they can change over time.
type Options struct {
	MemoryKiB   uint32
	Iterations  uint32
	Parallelism uint8
	SaltLen     int
	KeyLen      uint32
}

// DefaultOptions are the production parameters: 64 MiB, one pass, two lanes
// (OWASP's argon2id recommendation for interactive logins).
var DefaultOptions = Options{MemoryKiB: 64 * 1024, Iterations: 1, Parallelism: 2, SaltLen: 16, KeyLen: 32}

// TestOptions are cheap parameters for tests; never use them in production.
var TestOptions = Options{MemoryKiB: 64, Iterations: 1, Parallelism: 1, SaltLen: 16, KeyLen: 32}

// Hasher hashes and verifies passwords with argon2id.
type Hasher struct {
	opts Options
}

var _ domain.PasswordHasher = (*Hasher)(nil)

// New returns a hasher that makes new hashes with o.
func New(o Options) *Hasher { return &Hasher{opts: o} }

// Hash returns the PHC string of password with a fresh random salt.
func (h *Hasher) Hash(password string) (string, error) {
	salt := make([]byte, h.opts.SaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("password: salt: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, h.opts.Iterations, h.opts.MemoryKiB, h.opts.Parallelism, h.opts.KeyLen)
	enc := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, h.opts.MemoryKiB, h.opts.Iterations, h.opts.Parallelism,
		enc.EncodeToString(salt), enc.EncodeToString(key)), nil
}

// Verify reports whether password matches hash, comparing in constant time.
// It returns ErrMalformedHash if hash is not an argon2id PHC string.
func (h *Hasher) Verify(hash, password string) (bool, error) {
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return false, ErrMalformedHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, ErrMalformedHash
	}
	var o Options
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &o.MemoryKiB, &o.Iterations, &o.Parallelism); err != nil ||
		o.MemoryKiB == 0 || o.Iterations == 0 || o.Parallelism == 0 {
		return false, ErrMalformedHash
	}
	enc := base64.RawStdEncoding
	salt, err := enc.DecodeString(parts[4])
	if err != nil || len(salt) == 0 {
		return false, ErrMalformedHash
	}
	want, err := enc.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, ErrMalformedHash
	}
	got := argon2.IDKey([]byte(password), salt, o.Iterations, o.MemoryKiB, o.Parallelism, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}
