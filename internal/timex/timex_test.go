package timex

import (
	"strings"
	"testing"
	"time"
)

func mustDay(t testing.TB, s string) time.Time {
	t.Helper()
	if s == "" {
		return time.Time{}
	}
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatalf("bad date %q: %v", s, err)
	}
	return d
}

// mustWindow parses "2015-02-01/2015-02-28 month".
func mustWindow(t testing.TB, s string) Window {
	t.Helper()
	if s == "" {
		return Window{}
	}
	dates, prec, _ := strings.Cut(s, " ")
	a, b, _ := strings.Cut(dates, "/")
	return Window{mustDay(t, a), mustDay(t, b), Precision(prec)}
}

// A row finds text in the phrase, resolved against ref (and the anchor), to
// want; want "" means found but unresolved; text "" means nothing is found.
type row struct {
	in, ref string
	future  bool
	anchor  string
	text    string
	want    string
}

var rows = []row{
	// weekdays: past by default, future on request, the reference day included
	{"officials said on Tuesday", "2015-02-25", false, "", "on Tuesday", "2015-02-24/2015-02-24 day"},
	{"The White House on Wednesday said", "2015-02-25", false, "", "on Wednesday", "2015-02-25/2015-02-25 day"},
	{"they will meet on Sunday", "2015-02-25", true, "", "on Sunday", "2015-03-01/2015-03-01 day"},
	{"the truce would begin on Tuesday", "2015-05-10", true, "", "on Tuesday", "2015-05-12/2015-05-12 day"},
	{"the trial starts on Tuesday", "2015-05-26", true, "", "on Tuesday", "2015-05-26/2015-05-26 day"},
	{"he met her last Tuesday", "2015-02-25", false, "", "last Tuesday", "2015-02-24/2015-02-24 day"},
	{"he met her last Wednesday", "2015-02-25", false, "", "last Wednesday", "2015-02-18/2015-02-18 day"},
	{"they meet next Tuesday", "2015-02-25", false, "", "next Tuesday", "2015-03-03/2015-03-03 day"},
	{"Graham said Tuesday night on Fox", "2015-02-25", false, "", "Tuesday night", "2015-02-24/2015-02-24 day"},
	{"a ceremony late Saturday in Tehran", "2020-01-12", false, "", "late Saturday", "2020-01-11/2020-01-11 day"},
	{"after the attacks early on Sunday.", "2015-05-10", false, "", "early on Sunday", "2015-05-10/2015-05-10 day"},
	{"slow to speak out on Tuesday's assault", "2012-09-13", false, "", "on Tuesday's", "2012-09-11/2012-09-11 day"},
	{"the Saturday vigil", "2020-01-12", false, "", "Saturday", "2020-01-11/2020-01-11 day"},
	{"the photo of Saturday, July 26.", "2014-07-25", false, "", "Saturday, July 26", "2014-07-26/2014-07-26 day"},
	{"In this Tuesday, Nov. 14, 2017 file photo", "", false, "", "In this Tuesday, Nov. 14, 2017", "2017-11-14/2017-11-14 day"},
	{"the government on Tuesday announced", "", false, "", "on Tuesday", ""},

	// months
	{"freed on bail in October.", "2015-05-26", false, "", "in October", "2014-10-01/2014-10-31 month"},
	{"the Post said in April that", "2015-05-26", false, "", "in April", "2015-04-01/2015-04-30 month"},
	{"installed in February, the opposition", "2015-02-25", false, "", "in February", "2015-02-01/2015-02-28 month"},
	{"elections will be held in September", "2015-02-25", true, "", "in September", "2015-09-01/2015-09-30 month"},
	{"In September, Kataib Hezbollah freed", "2025-11-04", false, "", "In September", "2025-09-01/2025-09-30 month"},
	{"nuclear sites last June during", "2026-01-26", false, "", "last June", "2025-06-01/2025-06-30 month"},
	{"nuclear sites last June during", "2025-06-10", false, "", "last June", "2024-06-01/2024-06-30 month"},
	{"talks next June", "2025-03-01", false, "", "next June", "2025-06-01/2025-06-30 month"},
	{"kidnapped Elizabeth in March 2023.", "", false, "", "in March 2023", "2023-03-01/2023-03-31 month"},
	{"In October 2023, several factions", "", false, "", "In October 2023", "2023-10-01/2023-10-31 month"},
	{"held since July last year, will", "2015-05-26", false, "", "since July last year", "2014-07-01/2014-07-31 month"},
	{"jailed since July said her lawyer", "2018-01-01", false, "", "since July", "2017-07-01/2017-07-31 month"},
	{"late in May", "2015-05-26", false, "", "in May", "2015-05-01/2015-05-31 month"},
	{"starting in late December, Trump", "2026-01-26", false, "", "in late December", "2025-12-21/2025-12-31 week"},
	{"headquarters in mid-September.", "2024-11-05", false, "", "in mid-September", "2024-09-08/2024-09-22 week"},
	{"In early August, the Resistance", "2024-11-05", false, "", "In early August", "2024-08-01/2024-08-10 week"},
	{"at the end of March", "2015-05-26", false, "", "at the end of March", "2015-03-21/2015-03-31 week"},
	{"in August of 2014", "", false, "", "in August of 2014", "2014-08-01/2014-08-31 month"},
	{"in June 12 people died", "2015-02-25", false, "", "in June", "2014-06-01/2014-06-30 month"},

	// day-level dates
	{"signed on February 26, 2017 in Geneva", "", false, "", "on February 26, 2017", "2017-02-26/2017-02-26 day"},
	{"signed on 26 February 2017 in Geneva", "", false, "", "on 26 February 2017", "2017-02-26/2017-02-26 day"},
	{"the 30th of April", "2016-05-20", false, "", "the 30th of April", "2016-04-30/2016-04-30 day"},
	{"the vote on Nov. 2", "2015-02-25", false, "", "on Nov. 2", "2014-11-02/2014-11-02 day"},
	{"Nov. 05, 2024 • 3 min read", "", false, "", "Nov. 05, 2024", "2024-11-05/2024-11-05 day"},
	{"the speech, scheduled for March 3, was", "2015-02-25", false, "", "for March 3", "2015-03-03/2015-03-03 day"},
	{"the speech, scheduled for March 3, was", "2015-02-25", true, "", "for March 3", "2015-03-03/2015-03-03 day"},
	{"the bombing on March 30 killed", "2015-02-25", false, "", "on March 30", "2014-03-30/2014-03-30 day"},
	{"killed since March 26.", "2015-05-10", false, "", "since March 26", "2015-03-26/2015-03-26 day"},
	{"Wed, Feb 25, 2015", "", false, "", "Wed, Feb 25, 2015", "2015-02-25/2015-02-25 day"},
	{"date 2016-05-20 updated", "", false, "", "2016-05-20", "2016-05-20/2016-05-20 day"},
	{"at White House on November Eighteenth", "2025-11-18", false, "", "on November Eighteenth", "2025-11-18/2025-11-18 day"},
	{"on March 3", "", false, "", "on March 3", ""},

	// days relative to the reference
	{"the allies began this afternoon", "2018-05-08", false, "", "this afternoon", "2018-05-08/2018-05-08 day"},
	{"he said yesterday", "2018-05-08", false, "", "yesterday", "2018-05-07/2018-05-07 day"},
	{"he will fly tomorrow morning", "2018-05-08", false, "", "tomorrow morning", "2018-05-09/2018-05-09 day"},
	{"rockets fell last night", "2018-05-08", false, "", "last night", "2018-05-07/2018-05-07 day"},
	{"not the day after tomorrow", "2018-05-08", false, "", "the day after tomorrow", "2018-05-10/2018-05-10 day"},
	{"due by end of March", "2018-05-08", true, "", "by end of March", "2019-03-21/2019-03-31 week"},
	{"Today we are announcing", "2016-09-09", false, "", "Today", "2016-09-09/2016-09-09 day"},
	{"told a radio station on New Year's Eve.", "2020-01-01", false, "", "on New Year's Eve", "2019-12-31/2019-12-31 day"},
	{"on New Year's Day", "2020-03-01", false, "", "on New Year's Day", "2020-01-01/2020-01-01 day"},
	{"a truce by Christmas Eve", "2019-11-01", true, "", "by Christmas Eve", "2019-12-24/2019-12-24 day"},

	// weeks and weekends (Monday to Sunday)
	{"a deal proposed by Egypt last week was", "2014-07-25", false, "", "last week", "2014-07-14/2014-07-20 week"},
	{"a drone strike last week that killed", "2020-01-01", false, "", "last week", "2019-12-23/2019-12-29 week"},
	{"the opening next week", "2018-05-08", false, "", "next week", "2018-05-14/2018-05-20 week"},
	{"officials warned this week that", "2015-02-25", false, "", "this week", "2015-02-23/2015-02-25 week"},
	{"airstrikes over the weekend that killed", "2020-01-01", false, "", "over the weekend", "2019-12-28/2019-12-29 week"},
	{"bombardment last weekend.", "2014-07-25", false, "", "last weekend", "2014-07-19/2014-07-20 week"},
	{"bombardment last weekend.", "2014-07-26", false, "", "last weekend", "2014-07-19/2014-07-20 week"},
	{"they will talk this weekend", "2014-07-23", true, "", "this weekend", "2014-07-26/2014-07-27 week"},
	{"in the past week", "2020-01-12", false, "", "in the past week", "2020-01-05/2020-01-12 week"},

	// month, year relative units
	{"a statement earlier this month.", "2015-02-25", false, "", "earlier this month", "2015-02-01/2015-02-24 month"},
	{"the government announced this month.", "2026-01-26", false, "", "this month", "2026-01-01/2026-01-26 month"},
	{"the vote is due this month", "2026-01-26", true, "", "this month", "2026-01-26/2026-01-31 month"},
	{"filmed last month in the West Bank", "2018-01-01", false, "", "last month", "2017-12-01/2017-12-31 month"},
	{"parliament late last month, but", "2016-05-20", false, "", "late last month", "2016-04-21/2016-04-30 week"},
	{"more powerful since last year's revolts", "2012-09-13", false, "", "since last year's", "2011-01-01/2011-12-31 year"},
	{"earlier this year", "2019-06-15", false, "", "earlier this year", "2019-01-01/2019-06-14 year"},
	{"later this year", "2019-06-15", false, "", "later this year", "2019-06-16/2019-12-31 year"},
	{"early next year", "2019-06-15", false, "", "early next year", "2020-01-01/2020-04-30 season"},
	{"by the end of last year", "2019-06-15", false, "", "by the end of last year", "2018-09-01/2018-12-31 season"},

	// years, decades, seasons
	{"rose to the office in 2014, just after", "", false, "", "in 2014", "2014-01-01/2014-12-31 year"},
	{"since the 2003 U.S.-led invasion", "", false, "", "2003", "2003-01-01/2003-12-31 year"},
	{"between 2003 and", "", false, "", "between 2003", "2003-01-01/2003-12-31 year"},
	{"Iran's 2015 nuclear deal", "", false, "", "2015", "2015-01-01/2015-12-31 year"},
	{"growth slowed in mid-2014", "", false, "", "in mid-2014", "2014-05-01/2014-08-31 season"},
	{"attacks in the 1970s but", "", false, "", "in the 1970s", "1970-01-01/1979-12-31 span"},
	{"in the late 1990s", "", false, "", "in the late 1990s", "1996-01-01/1999-12-31 span"},
	{"the 2015-16 season", "", false, "", "2015-16", "2015-01-01/2016-12-31 span"},
	{"struck last summer", "2026-01-26", false, "", "last summer", "2025-06-01/2025-08-31 season"},
	{"in the summer of 2014", "", false, "", "in the summer of 2014", "2014-06-01/2014-08-31 season"},
	{"fighting resumed in the spring", "2015-05-10", false, "", "in the spring", "2015-03-01/2015-05-31 season"},

	// counted offsets back from the reference
	{"punched in the face two weeks ago, an", "2018-01-01", false, "", "two weeks ago", "2017-12-15/2017-12-21 week"},
	{"made news two years ago when", "2018-01-01", false, "", "two years ago", "2015-07-01/2016-06-30 year"},
	{"arrested three days ago", "2018-01-01", false, "", "three days ago", "2017-12-29/2017-12-29 day"},
	{"six months ago", "2018-01-01", false, "", "six months ago", "2017-07-01/2017-07-31 month"},
	{"less than three weeks ago, a man", "2014-04-25", false, "", "less than three weeks ago", "2014-04-04/2014-04-25 span"},
	{"less than two days ago", "2014-04-25", false, "", "less than two days ago", "2014-04-23/2014-04-25 span"},
	{"even a few weeks ago.", "2016-09-09", false, "", "a few weeks ago", "2016-07-29/2016-09-02 span"},
	{"nearly a year ago", "2016-09-09", false, "", "nearly a year ago", "2015-03-09/2016-03-08 year"},

	// vague stretches and durations
	{"mass protests in recent months and", "2020-01-01", false, "", "in recent months", "2019-07-01/2020-01-01 span"},
	{"displeasure in recent days.", "2015-02-25", false, "", "in recent days", "2015-02-18/2015-02-25 span"},
	{"Israeli media have recently reported", "2024-11-05", false, "", "recently", "2024-10-05/2024-11-05 span"},
	{"Over the last few years, Baghdad has", "2025-11-03", false, "", "Over the last few years", "2022-11-03/2025-11-03 span"},
	{"the truth over the past three days", "2020-01-12", false, "", "over the past three days", "2020-01-09/2020-01-12 span"},
	{"in the coming days,", "2025-11-04", false, "", "in the coming days", "2025-11-04/2025-11-07 span"},
	{"over the next two weeks", "2025-11-04", false, "", "over the next two weeks", "2025-11-04/2025-11-18 span"},
	{"attacks for nearly a year in protest", "2024-11-05", false, "", "for nearly a year", "2023-11-05/2024-11-05 span"},
	{"extended for another six months.", "2018-01-01", false, "", "for another six months", "2018-01-01/2018-07-01 span"},
	{"detained for more than 10 months, was", "2015-05-26", false, "", "for more than 10 months", "2014-07-26/2015-05-26 span"},

	// anchored to the previous expression
	{"The following month, US warplanes", "2025-11-03", false, "2024-01-01/2024-01-31 month", "The following month", "2024-02-01/2024-02-29 month"},
	{"The following month, US warplanes", "2025-11-03", false, "", "The following month", ""},
	{"the next day, they left", "2012-09-13", false, "2012-09-11/2012-09-11 day", "the next day", "2012-09-12/2012-09-12 day"},
	{"on the same day", "", false, "2012-09-11/2012-09-11 day", "on the same day", "2012-09-11/2012-09-11 day"},
	{"away from the embassy the night before.", "2012-09-13", false, "2012-09-13/2012-09-13 day", "the night before", "2012-09-12/2012-09-12 day"},
	{"two days later, he resigned", "", false, "2020-01-08/2020-01-08 day", "two days later", "2020-01-10/2020-01-10 day"},
	{"a week earlier, he had", "", false, "2020-01-08/2020-01-08 day", "a week earlier", "2020-01-01/2020-01-01 day"},
	{"the following week", "", false, "2015-02-24/2015-02-24 day", "the following week", "2015-03-02/2015-03-08 week"},
	{"the previous year", "", false, "2014-01-01/2014-12-31 year", "the previous year", "2013-01-01/2013-12-31 year"},
	{"the following Monday", "", false, "2015-02-25/2015-02-25 day", "the following Monday", "2015-03-02/2015-03-02 day"},
	{"later that day", "", false, "2015-02-25/2015-02-25 day", "later that day", "2015-02-25/2015-02-25 day"},

	// not time expressions
	{"Iran may respond to the strikes", "2015-02-25", false, "", "", ""},
	{"the march on the embassy", "2015-02-25", false, "", "", ""},
	{"March on the embassy, they said", "2015-02-25", false, "", "", ""},
	{"May God protect us", "2015-02-25", false, "", "", ""},
	{"Theresa May said the talks failed", "2015-02-25", false, "", "", ""},
	{"the August assembly", "2015-02-25", false, "", "", ""},
	{"The Sunday Times reported", "2015-02-25", false, "", "", ""},
	{"told the Sunday Telegraph", "2015-02-25", false, "", "", ""},
	{"since the Good Friday agreement", "2015-02-25", false, "", "", ""},
	{"ahead of Super Tuesday", "2015-02-25", false, "", "", ""},
	{"5,000 soldiers were deployed", "2015-02-25", false, "", "", ""},
	{"the siege lasted 12 minutes", "2015-02-25", false, "", "", ""},
	{"waited for 12 minutes", "2015-02-25", false, "", "", ""},
	{"some 2000 soldiers", "2015-02-25", false, "", "", ""},
	{"paid $2014 in cash", "2015-02-25", false, "", "", ""},
	{"over 2000 people fled", "2015-02-25", false, "", "", ""},
	{"the strike came at 1500 GMT", "2015-02-25", false, "", "", ""},
	{"food for 2000 families", "2015-02-25", false, "", "", ""},
	{"the 1,500-strong force", "2015-02-25", false, "", "", ""},
	{"the late King Abdullah", "2015-02-25", false, "", "", ""},
	{"the Arab Spring uprisings", "2015-02-25", false, "", "", ""},
	{"after the fall of Mosul", "2015-02-25", false, "", "", ""},
	{"celebrating Persian New Year", "2015-02-25", false, "", "", ""},
	{"al Qaeda's No. 2 leader", "2015-02-25", false, "", "", ""},
	{"a 12-hour cease-fire and a two-day visit", "2015-02-25", false, "", "", ""},
	{"three days after she was filmed", "2015-02-25", false, "", "", ""},
	{"the day before the vote", "2015-02-25", false, "", "", ""},
	{"USA TODAY", "2015-02-25", false, "", "", ""},
	{"selling Christmas trees", "2015-02-25", false, "", "", ""},
	{"following a year of deadly protests", "2015-02-25", false, "", "", ""},
	{"up to two years in prison", "2015-02-25", false, "", "", ""},
	{"this is the last time", "2015-02-25", false, "", "", ""},
	{"prices fall in the next round", "2015-02-25", false, "", "", ""},
}

func TestFindTable(t *testing.T) {
	for _, r := range rows {
		ref := mustDay(t, r.ref)
		opt := Options{Future: r.future, Anchor: mustWindow(t, r.anchor)}
		got := Find(r.in, ref, opt)
		if r.text == "" {
			if len(got) != 0 {
				t.Errorf("%q: want nothing, got %q (%v)", r.in, got[0].Text, got[0].Window)
			}
			continue
		}
		if len(got) != 1 {
			var texts []string
			for _, x := range got {
				texts = append(texts, x.Text)
			}
			t.Errorf("%q ref %s: want one expression %q, got %q", r.in, r.ref, r.text, texts)
			continue
		}
		x := got[0]
		if x.Text != r.text || r.in[x.Start:x.End] != x.Text {
			t.Errorf("%q: text %q [%d:%d], want %q", r.in, x.Text, x.Start, x.End, r.text)
		}
		if want := mustWindow(t, r.want); x.Window != want {
			t.Errorf("%q ref %s future %v: window %v, want %v", r.in, r.ref, r.future, x.Window, want)
		}
	}
	if len(rows) < 80 {
		t.Fatalf("only %d rows", len(rows))
	}
}
