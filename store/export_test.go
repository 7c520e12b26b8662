package store

import "context"

// AddPopulation stores a population figure, for tests of the year rule.
func (db *DB) AddPopulation(ctx context.Context, code string, year int, population int64) error {
	return db.conn(ctx).Create(&populationRow{Code: code, Year: year, Population: population}).Error
}

// CountRows returns the number of rows of table, for tests.
func (db *DB) CountRows(ctx context.Context, table string) (int64, error) {
	var n int64
	err := db.conn(ctx).Table(table).Count(&n).Error
	return n, err
}
