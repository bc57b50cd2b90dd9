package main
import (
 _ "github.com/markusmobius/go-trafilatura"
 _ "github.com/markusmobius/go-htmldate"
 _ "github.com/mmcdole/gofeed"
 _ "github.com/temoto/robotstxt"
 _ "github.com/neurosnap/sentences"
 _ "github.com/markusmobius/go-dateparser"
 _ "github.com/abadojack/whatlanggo"
 _ "github.com/petar-dambovaliev/aho-corasick"
 _ "github.com/adrg/strutil"
 _ "modernc.org/sqlite"
 _ "github.com/spf13/cobra"
 _ "go.yaml.in/yaml/v3"
 _ "github.com/schollz/progressbar/v3"
 _ "golang.org/x/net/html/charset"
)
func main(){}
