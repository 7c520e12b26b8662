package store

import (
	"context"
	"strings"

	"github.com/idebank/idebank/domain"
)

// CreateUser stores u with its email in lower case. It returns
// domain.ErrConflict if the email is taken.
func (db *DB) CreateUser(ctx context.Context, u *domain.User) error {
	u.Email = strings.ToLower(u.Email)
	row := &userRow{ID: u.ID, Email: u.Email, Role: string(u.Role), PasswordHash: u.PasswordHash, CreatedAt: u.CreatedAt.UTC()}
	if u.MunicipalityCode != "" {
		code := u.MunicipalityCode
		row.MunicipalityCode = &code
	}
	return wrap(db.conn(ctx).Create(row).Error, "create user %s", u.Email)
}

// FindUserByEmail returns domain.ErrNotFound for an unknown email
// (case-insensitive).
func (db *DB) FindUserByEmail(ctx context.Context, email string) (*domain.User, error) {
	var row userRow
	if err := db.conn(ctx).Where("email = ?", strings.ToLower(email)).Take(&row).Error; err != nil {
		return nil, wrap(err, "find user %s", email)
	}
	return row.toDomain(), nil
}

// FindUserByID returns domain.ErrNotFound for an unknown ID.
func (db *DB) FindUserByID(ctx context.Context, id string) (*domain.User, error) {
	var row userRow
	if err := db.conn(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, wrap(err, "find user %s", id)
	}
	return row.toDomain(), nil
}

// CreateToken stores a token's hash. It returns domain.ErrConflict if the
// hash or ID is taken.
func (db *DB) CreateToken(ctx context.Context, t *domain.Token) error {
	row := &tokenRow{ID: t.ID, UserID: t.UserID, Name: t.Name, Hash: t.Hash, CreatedAt: t.CreatedAt.UTC()}
	return wrap(db.conn(ctx).Create(row).Error, "create token %s", t.ID)
}

// FindUserByTokenHash returns the owner of a token, domain.ErrNotFound if none.
func (db *DB) FindUserByTokenHash(ctx context.Context, hash string) (*domain.User, error) {
	var row userRow
	err := db.conn(ctx).Table("users AS u").Select("u.*").
		Joins("JOIN tokens AS t ON t.user_id = u.id").
		Where("t.hash = ?", hash).Take(&row).Error
	if err != nil {
		return nil, wrap(err, "find user by token")
	}
	return row.toDomain(), nil
}
