package assets

import _ "embed"

// Fonts for documents: DejaVu Sans (Latin and Cyrillic), under the
// Bitstream Vera licence with public-domain DejaVu changes; the licence
// ships beside them in fonts/LICENSE-DejaVu.txt.
var (
	//go:embed fonts/DejaVuSans.ttf
	FontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	FontBold []byte
	//go:embed fonts/LICENSE-DejaVu.txt
	FontLicence string
)
