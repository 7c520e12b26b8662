package store

import (
	"context"
	"time"

	"github.com/idebank/idebank/domain"
)

var _ domain.SessionStore = (*DB)(nil)

// sessionRow is a row of sessions.
type sessionRow struct {
	IDHash    string `gorm:"primaryKey"`
	UserID    string
	CSRFToken string    `gorm:"column:csrf_token"`
	CreatedAt time.Time `gorm:"autoCreateTime:false"`
	ExpiresAt time.Time
}

func (sessionRow) TableName() string { return "sessions" }

func (r *sessionRow) toDomain() *domain.Session {
	return &domain.Session{
		IDHash: r.IDHash, UserID: r.UserID, CSRFToken: r.CSRFToken,
		CreatedAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(),
	}
}

// loginFailureRow is a row of login_failures.
type loginFailureRow struct {
	ID      int64 `gorm:"primaryKey"`
	KeyHash string
	At      time.Time
}

func (loginFailureRow) TableName() string { return "login_failures" }

// CreateSession stores s.
func (db *DB) CreateSession(ctx context.Context, s *domain.Session) error {
	row := sessionRow{IDHash: s.IDHash, UserID: s.UserID, CSRFToken: s.CSRFToken, CreatedAt: s.CreatedAt, ExpiresAt: s.ExpiresAt}
	return wrap(db.conn(ctx).Create(&row).Error, "create session")
}

// FindSession returns the session with idHash and its user, or
// domain.ErrNotFound.
func (db *DB) FindSession(ctx context.Context, idHash string) (*domain.Session, *domain.User, error) {
	var row sessionRow
	if err := db.conn(ctx).Where("id_hash = ?", idHash).Take(&row).Error; err != nil {
		return nil, nil, wrap(err, "find session")
	}
	u, err := db.FindUserByID(ctx, row.UserID)
	if err != nil {
		return nil, nil, err
	}
	return row.toDomain(), u, nil
}

// DeleteSession removes the session with idHash.
func (db *DB) DeleteSession(ctx context.Context, idHash string) error {
	return wrap(db.conn(ctx).Where("id_hash = ?", idHash).Delete(&sessionRow{}).Error, "delete session")
}

// DeleteExpired removes sessions expired before now and failed logins
// recorded before failuresBefore.
func (db *DB) DeleteExpired(ctx context.Context, now, failuresBefore time.Time) error {
	if err := db.conn(ctx).Where("expires_at < ?", now).Delete(&sessionRow{}).Error; err != nil {
		return wrap(err, "delete expired sessions")
	}
	return wrap(db.conn(ctx).Where("at < ?", failuresBefore).Delete(&loginFailureRow{}).Error, "delete old login failures")
}

// RecordLoginFailure notes one failed login for key.
func (db *DB) RecordLoginFailure(ctx context.Context, key string, at time.Time) error {
	return wrap(db.conn(ctx).Create(&loginFailureRow{KeyHash: key, At: at}).Error, "record login failure")
}

// CountLoginFailures counts the failed logins for key at or after since.
func (db *DB) CountLoginFailures(ctx context.Context, key string, since time.Time) (int, error) {
	var n int64
	err := db.conn(ctx).Model(&loginFailureRow{}).Where("key_hash = ? AND at >= ?", key, since).Count(&n).Error
	return int(n), wrap(err, "count login failures")
}

// ClearLoginFailures forgets the failed logins for key.
func (db *DB) ClearLoginFailures(ctx context.Context, key string) error {
	return wrap(db.conn(ctx).Where("key_hash = ?", key).Delete(&loginFailureRow{}).Error, "clear login failures")
}
