// Package store persists Idébank's data with gorm, in an embedded SQLite
// file by default or in PostgreSQL when a database URL is given. One code
// path serves both back ends; *DB implements the storage ports of domain.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/idebank/idebank/domain"
)

// Dialect names returned by DB.Dialect.
const (
	DialectSQLite   = "sqlite"
	DialectPostgres = "postgres"
)

// SQLiteFile is the name of the database file inside the data directory.
const SQLiteFile = "idebank.db"

// Options configure Open.
type Options struct {
	// DatabaseURL selects PostgreSQL (postgres://…); empty means SQLite.
	DatabaseURL string
	// DataDir holds the SQLite file; it is created if missing.
	DataDir string
	// Logger receives gorm's warnings and migration progress; nil discards them.
	Logger *slog.Logger
}

// DB is an open database. It is safe for concurrent use.
type DB struct {
	gorm     *gorm.DB
	dialect  string
	log      *slog.Logger
	onOutbox atomic.Pointer[func()]
}

// Compile-time checks that DB implements the storage ports.
var (
	_ domain.ProposalStore     = (*DB)(nil)
	_ domain.MunicipalityStore = (*DB)(nil)
	_ domain.UserStore         = (*DB)(nil)
	_ domain.IndexSource       = (*DB)(nil)
)

// Open connects to the database o selects and checks that it answers. It
// does not migrate; call Migrate.
func Open(ctx context.Context, o Options) (*DB, error) {
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	cfg := &gorm.Config{
		NowFunc:        func() time.Time { return time.Now().UTC().Truncate(time.Microsecond) },
		Logger:         newGormLogger(log),
		TranslateError: true,
		// Writes that need a transaction open one explicitly.
		SkipDefaultTransaction: true,
	}
	db := &DB{log: log}
	var err error
	if o.DatabaseURL == "" {
		db.dialect = DialectSQLite
		db.gorm, err = openSQLite(o.DataDir, cfg)
	} else {
		db.dialect = DialectPostgres
		db.gorm, err = openPostgres(o.DatabaseURL, cfg)
	}
	if err != nil {
		return nil, err
	}
	if err := db.Ping(ctx); err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return db, nil
}

// openSQLite opens <dir>/idebank.db. busy_timeout comes first so that the
// pragmas after it already wait for a lock; transactions begin IMMEDIATE so
// that concurrent writers queue on the busy timeout instead of failing.
func openSQLite(dir string, cfg *gorm.Config) (*gorm.DB, error) {
	if dir == "" {
		return nil, errors.New("store: open sqlite: no data directory")
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(30000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	dsn := "file:" + filepath.Join(dir, SQLiteFile) + "?" + q.Encode()
	g, err := gorm.Open(sqlite.Open(dsn), cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("store: open sqlite: %w", err)
	}
	sqlDB.SetMaxOpenConns(8)
	sqlDB.SetMaxIdleConns(8)
	return g, nil
}

func openPostgres(dsn string, cfg *gorm.Config) (*gorm.DB, error) {
	g, err := gorm.Open(postgres.Open(dsn), cfg)
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	sqlDB, err := g.DB()
	if err != nil {
		return nil, fmt.Errorf("store: open postgres: %w", err)
	}
	sqlDB.SetMaxOpenConns(20)
	sqlDB.SetMaxIdleConns(5)
	sqlDB.SetConnMaxLifetime(30 * time.Minute)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return g, nil
}

// Dialect returns "sqlite" or "postgres".
func (db *DB) Dialect() string { return db.dialect }

// Ping checks that the database answers.
func (db *DB) Ping(ctx context.Context) error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return fmt.Errorf("store: ping: %w", err)
	}
	if err := sqlDB.PingContext(ctx); err != nil {
		return fmt.Errorf("store: ping %s: %w", db.dialect, err)
	}
	return nil
}

// Close closes the connection pool.
func (db *DB) Close() error {
	sqlDB, err := db.gorm.DB()
	if err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	if err := sqlDB.Close(); err != nil {
		return fmt.Errorf("store: close: %w", err)
	}
	return nil
}

// conn returns the gorm handle bound to ctx; every query starts here.
func (db *DB) conn(ctx context.Context) *gorm.DB { return db.gorm.WithContext(ctx) }

// newGormLogger routes gorm's slow queries and errors to log and drops the
// rest, including the unique violations that callers get as ErrConflict.
func newGormLogger(log *slog.Logger) logger.Interface {
	return quietLogger{logger.NewSlogLogger(log, logger.Config{
		SlowThreshold:             time.Second,
		LogLevel:                  logger.Warn,
		IgnoreRecordNotFoundError: true,
		ParameterizedQueries:      true,
	})}
}

// quietLogger is a gorm logger that does not report unique violations
// (a taken email or external key) or cancelled contexts (a client that went
// away, a shutdown): they are expected outcomes, not faults.
type quietLogger struct{ logger.Interface }

func (l quietLogger) LogMode(level logger.LogLevel) logger.Interface {
	return quietLogger{l.Interface.LogMode(level)}
}

func (l quietLogger) Trace(ctx context.Context, begin time.Time, fc func() (string, int64), err error) {
	if errors.Is(err, gorm.ErrDuplicatedKey) || errors.Is(err, context.Canceled) {
		err = nil
	}
	l.Interface.Trace(ctx, begin, fc, err)
}
