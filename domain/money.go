package domain

import (
	"strconv"
	"strings"
)

// Money is whole Danish kroner. Per-resident figures are kept in øre
// (hundredths of a krone) as integers so that sums and rankings are exact and
// only display rounds.

// PerResidentOre returns amount / population in øre, rounded half away from zero.
// It returns 0 when population is not positive.
func PerResidentOre(amountDKK, population int64) int64 {
	if population <= 0 {
		return 0
	}
	num := amountDKK * 100
	if num >= 0 {
		return (num + population/2) / population
	}
	return -((-num + population/2) / population)
}

// OreToKroner converts øre to kroner as a float for JSON output (two decimals).
func OreToKroner(ore int64) float64 {
	return float64(ore) / 100
}

// FormatKroner formats whole kroner the Danish way: 1234567 → "1.234.567 kr.".
func FormatKroner(dkk int64) string {
	return groupThousands(dkk) + " kr."
}

// FormatOre formats øre as kroner with two decimals: 1957 → "19,57".
func FormatOre(ore int64) string {
	sign := ""
	if ore < 0 {
		sign, ore = "-", -ore
	}
	frac := strconv.FormatInt(ore%100, 10)
	if len(frac) == 1 {
		frac = "0" + frac
	}
	return sign + groupThousands(ore/100) + "," + frac
}

func groupThousands(n int64) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return sign + b.String()
}
