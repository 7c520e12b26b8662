package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// wrap translates a gorm or driver error into the domain's vocabulary and
// prefixes it with what was being done: a missing row becomes
// domain.ErrNotFound, a unique violation domain.ErrConflict.
func wrap(err error, format string, args ...any) error {
	if err == nil {
		return nil
	}
	what := fmt.Sprintf(format, args...)
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		return fmt.Errorf("store: %s: %w", what, domain.ErrNotFound)
	case errors.Is(err, gorm.ErrDuplicatedKey):
		return fmt.Errorf("store: %s: %w: %w", what, domain.ErrConflict, err)
	}
	return fmt.Errorf("store: %s: %w", what, err)
}
