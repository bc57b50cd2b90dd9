-- 0009: the relevance gate's verdict kept with the article (issue 17). A page
-- the gate finds is not news (an encyclopedia article, a manual, fiction) is
-- stored and not coded; not_news says why ("dialogue, as in fiction"), so
-- listings, the API and the article page can say it was held back. Articles
-- stored before it read '' (coded, or not judged).
ALTER TABLE articles ADD COLUMN not_news TEXT NOT NULL DEFAULT '';
