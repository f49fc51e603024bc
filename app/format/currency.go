package format

import "strings"

// CurrencySymbol is the sign people know a currency by ("€", "₽"), or its
// ISO code when it has none here.
func CurrencySymbol(code string) string {
	code = strings.ToUpper(code)
	if s, ok := currencySymbols[code]; ok {
		return s
	}
	return code
}
