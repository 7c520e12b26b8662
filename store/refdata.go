package store

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"fmt"
	"strconv"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// municipalitiesCSV is Denmark's 98 municipalities with their population;
// refdata/README.md names the source.
//
//go:embed refdata/municipalities.csv
var municipalitiesCSV []byte

// LoadMunicipalities inserts or updates the embedded municipalities and
// their population figures. Running it again changes nothing.
func (db *DB) LoadMunicipalities(ctx context.Context) error {
	ms, pops, err := parseMunicipalities(municipalitiesCSV)
	if err != nil {
		return err
	}
	return db.conn(ctx).Transaction(func(tx *gorm.DB) error {
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "code"}},
			DoUpdates: clause.AssignmentColumns([]string{"name", "region"}),
		}).Create(&ms).Error
		if err != nil {
			return wrap(err, "load municipalities")
		}
		err = tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "code"}, {Name: "year"}},
			DoUpdates: clause.AssignmentColumns([]string{"population"}),
		}).Create(&pops).Error
		return wrap(err, "load populations")
	})
}

// parseMunicipalities reads code,name,region,population,population_year rows.
func parseMunicipalities(data []byte) ([]municipalityRow, []populationRow, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 5
	records, err := r.ReadAll()
	if err != nil {
		return nil, nil, fmt.Errorf("store: parse municipalities: %w", err)
	}
	if len(records) < 2 {
		return nil, nil, fmt.Errorf("store: parse municipalities: no rows")
	}
	ms := make([]municipalityRow, 0, len(records)-1)
	pops := make([]populationRow, 0, len(records)-1)
	for i, rec := range records[1:] {
		pop, err1 := strconv.ParseInt(rec[3], 10, 64)
		year, err2 := strconv.Atoi(rec[4])
		if err1 != nil || err2 != nil {
			return nil, nil, fmt.Errorf("store: parse municipalities: line %d: bad population %q or year %q", i+2, rec[3], rec[4])
		}
		ms = append(ms, municipalityRow{Code: rec[0], Name: rec[1], Region: rec[2]})
		pops = append(pops, populationRow{Code: rec[0], Year: year, Population: pop})
	}
	return ms, pops, nil
}
