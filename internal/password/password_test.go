package password

import (
	"errors"
	"strings"
	"testing"
)

func TestHasher_HashThenVerify(t *testing.T) {
	h := New(TestOptions)
	hash, err := h.Hash("korrekt hest batteri hæfteklamme")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=64,t=1,p=1$") {
		t.Fatalf("hash %q is not a PHC argon2id string with the test parameters", hash)
	}
	tests := []struct {
		name     string
		password string
		want     bool
	}{
		{"RightPassword", "korrekt hest batteri hæfteklamme", true},
		{"WrongPassword", "korrekt hest batteri hæfteklamm", false},
		{"EmptyPassword", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := h.Verify(hash, tt.password)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("Verify=%v, want %v", got, tt.want)
			}
		})
	}
}

func TestHasher_SaltsEachHash(t *testing.T) {
	h := New(TestOptions)
	a, _ := h.Hash("samme adgangskode")
	b, _ := h.Hash("samme adgangskode")
	if a == b {
		t.Fatal("two hashes of one password are equal; the salt is not random")
	}
}

func TestHasher_VerifyReadsParametersFromTheHash(t *testing.T) {
	old, err := New(TestOptions).Hash("hemmelighed123")
	if err != nil {
		t.Fatal(err)
	}
	stronger := New(Options{MemoryKiB: 128, Iterations: 2, Parallelism: 1, SaltLen: 16, KeyLen: 32})
	ok, err := stronger.Verify(old, "hemmelighed123")
	if err != nil || !ok {
		t.Fatalf("Verify=%v, %v; want true, nil", ok, err)
	}
}

func TestHasher_DefaultOptionsWork(t *testing.T) {
	if testing.Short() {
		t.Skip("64 MiB hash skipped in -short mode")
	}
	h := New(DefaultOptions)
	hash, err := h.Hash("produktion")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hash, "$argon2id$v=19$m=65536,t=1,p=2$") {
		t.Fatalf("hash %q does not carry the default parameters", hash)
	}
	if ok, err := h.Verify(hash, "produktion"); err != nil || !ok {
		t.Fatalf("Verify=%v, %v; want true, nil", ok, err)
	}
}

func TestHasher_MalformedHash(t *testing.T) {
	h := New(TestOptions)
	for _, hash := range []string{
		"",
		"plaintext",
		"$argon2i$v=19$m=64,t=1,p=1$c2FsdA$aGFzaA",
		"$argon2id$v=18$m=64,t=1,p=1$c2FsdA$aGFzaA",
		"$argon2id$v=19$m=0,t=1,p=1$c2FsdA$aGFzaA",
		"$argon2id$v=19$m=64,t=1,p=1$!!!$aGFzaA",
		"$argon2id$v=19$m=64,t=1,p=1$c2FsdA$",
	} {
		if _, err := h.Verify(hash, "x"); !errors.Is(err, ErrMalformedHash) {
			t.Errorf("Verify(%q) error = %v, want ErrMalformedHash", hash, err)
		}
	}
}
