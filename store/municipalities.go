package store

import (
	"context"
	"errors"
	"fmt"

	"gorm.io/gorm"

	"github.com/idebank/idebank/domain"
)

// municipalityWithPopulation is a municipality joined with its newest population.
type municipalityWithPopulation struct {
	Code           string
	Name           string
	Region         string
	Population     int64
	PopulationYear int
}

func (r municipalityWithPopulation) toDomain() domain.Municipality {
	return domain.Municipality{Code: r.Code, Name: r.Name, Region: r.Region, Population: r.Population, PopulationYear: r.PopulationYear}
}

// municipalitiesWithPopulation starts a query over municipalities with the
// population figure of their newest year (0 if none is known).
func (db *DB) municipalitiesWithPopulation(ctx context.Context) *gorm.DB {
	return db.conn(ctx).Table("municipalities AS m").
		Select("m.code, m.name, m.region, COALESCE(pp.population, 0) AS population, COALESCE(pp.year, 0) AS population_year").
		Joins(`LEFT JOIN municipality_populations AS pp ON pp.code = m.code
			AND pp.year = (SELECT MAX(x.year) FROM municipality_populations AS x WHERE x.code = m.code)`)
}

// ListMunicipalities returns all municipalities with their newest population, by code.
func (db *DB) ListMunicipalities(ctx context.Context) ([]domain.Municipality, error) {
	var rows []municipalityWithPopulation
	if err := db.municipalitiesWithPopulation(ctx).Order("m.code").Find(&rows).Error; err != nil {
		return nil, wrap(err, "list municipalities")
	}
	out := make([]domain.Municipality, len(rows))
	for i, r := range rows {
		out[i] = r.toDomain()
	}
	return out, nil
}

// FindMunicipality returns domain.ErrNotFound for an unknown code.
func (db *DB) FindMunicipality(ctx context.Context, code string) (*domain.Municipality, error) {
	var row municipalityWithPopulation
	if err := db.municipalitiesWithPopulation(ctx).Where("m.code = ?", code).Take(&row).Error; err != nil {
		return nil, wrap(err, "find municipality %s", code)
	}
	m := row.toDomain()
	return &m, nil
}

// PopulationFor returns the population of the newest year ≤ year, or the
// oldest known year when year predates every figure; domain.ErrNotFound for
// an unknown code.
func (db *DB) PopulationFor(ctx context.Context, code string, year int) (domain.PopulationFigure, error) {
	var row populationRow
	err := db.conn(ctx).Where("code = ? AND year <= ?", code, year).Order("year DESC").Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		err = db.conn(ctx).Where("code = ?", code).Order("year ASC").Take(&row).Error
	}
	if err != nil {
		return domain.PopulationFigure{}, wrap(err, "population of %s in %d", code, year)
	}
	return domain.PopulationFigure{Code: row.Code, Year: row.Year, Population: row.Population}, nil
}

// MunicipalityStats returns the number of published proposals of a
// municipality and the sum of their per-resident figures (zero for an
// unknown code).
func (db *DB) MunicipalityStats(ctx context.Context, code string) (domain.MunicipalityStats, error) {
	var row struct {
		PublishedCount    int
		SumPerResidentOre int64
	}
	err := db.conn(ctx).Table("proposals").
		Select("COUNT(*) AS published_count, COALESCE(SUM(per_resident_ore), 0) AS sum_per_resident_ore").
		Where("municipality_code = ? AND status = ? AND deleted_at IS NULL", code, domain.StatusPublished).
		Take(&row).Error
	if err != nil {
		return domain.MunicipalityStats{}, fmt.Errorf("store: stats of %s: %w", code, err)
	}
	return domain.MunicipalityStats{PublishedCount: row.PublishedCount, SumPerResidentOre: row.SumPerResidentOre}, nil
}
