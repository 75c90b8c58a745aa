package diag

// french holds the French text of every message, by its English format.
// Arguments print as in English, in the same order, unless the French
// names them with an index (%[2]q) to leave one out; an argument that is a
// *Msg is put in French too. TestFrenchCoversEveryMessage checks that every
// format of the code base is here.
//
// French typography: a no-break space (U+00A0) before : ; ? and !, as
// TestFrenchTypography checks. Key names and values stay as written in the
// files.
var french = map[string]string{
	// Hints and parts of messages.
	" (did you mean %q?)":                 " (vouliez-vous dire %q ?)",
	" (known keys: %s)":                   " (clés possibles : %s)",
	" (known: %s)":                        " (valeurs possibles : %s)",
	" (no such slug in %s)":               " (aucun slug de ce nom dans %s)",
	"[[bodies]] of content/governance.md": "les [[bodies]] de content/governance.md",
	" in [%s]":                            " dans [%s]",
	"the text %q":                         "le texte %q",
	"the number %v":                       "le nombre %v",
	"a date":                              "une date",
	"a list":                              "une liste",
	"a table":                             "une table",
	"%q: %v":                              "%q : %v",

	// Reading files.
	"cannot read: %v": "lecture impossible : %v",

	// Templates of a theme.
	"theme: %v":          "thème : %v",
	"template error: %s": "erreur de modèle : %s",
	"unknown template function %q (the functions are listed in the documentation of the render package)":         "fonction de modèle inconnue %q (les fonctions sont listées dans la documentation du paquet render)",
	"the template asks for .%s, which %s does not have":                                                          "le modèle demande .%s, que %s n'a pas",
	"no template named %q (a partial is defined in layouts/partials/<name>.html)":                                "aucun modèle nommé %q (un fragment se définit dans layouts/partials/<nom>.html)",
	"the template ends inside an action: a {{ is not closed, or an {{if}}, {{range}} or {{with}} has no {{end}}": "le modèle se termine au milieu d'une action : un {{ n'est pas fermé, ou un {{if}}, {{range}} ou {{with}} n'a pas de {{end}}",
	"an {{end}} closes nothing": "un {{end}} ne ferme rien",
	"skipped: a symbolic link that leads out of the site's folder, to nothing, or by an absolute path (copy the file into the site, or make the link relative)": "ignoré : un lien symbolique qui mène hors du dossier du site, vers rien, ou par un chemin absolu (copiez le fichier dans le site, ou faites un lien relatif)",
	"skipped: a symbolic link to a folder inside a linked folder (Jalons follows one link to a folder, not a chain of them)":                                    "ignoré : un lien symbolique vers un dossier, dans un dossier déjà atteint par un lien (Jalons suit un lien vers un dossier, pas une chaîne de liens)",
	"the file is not UTF-8 text (save it again with the UTF-8 encoding; in LibreOffice or Notepad choose \"UTF-8\")":                                            "le fichier n'est pas en UTF-8 (enregistrez-le à nouveau en choisissant l'encodage UTF-8 ; dans LibreOffice ou le Bloc-notes, choisissez \"UTF-8\")",
	"missing front matter: the file must start with a line +++, then keys such as title = \"…\", then a line +++":                                               "en-tête manquant : le fichier doit commencer par une ligne +++, puis des clés comme title = \"…\", puis une ligne +++",
	"the front matter opened by +++ on line 1 is never closed (add a line +++ after its last key)":                                                              "l'en-tête ouvert par +++ à la ligne 1 n'est jamais fermé (ajoutez une ligne +++ après sa dernière clé)",
	"invisible control character U+%04X (delete it: only tabs and line breaks may be used)":                                                                     "caractère de contrôle invisible U+%04X (supprimez-le : seuls les tabulations et les retours à la ligne sont permis)",
	"the file is bigger than %d MB, the most a file may be%s":                                                                                                   "le fichier dépasse %d Mo, la taille maximale d'un fichier%s",
	" (split it, or raise maxFileSize, in megabytes, in config.toml)":                                                                                           " (découpez-le, ou augmentez maxFileSize, en mégaoctets, dans config.toml)",
	"a key of more than %d parts (write a shorter key; a.b.c has 3 parts)":                                                                                      "une clé de plus de %d parties (écrivez une clé plus courte ; a.b.c a 3 parties)",
	"lists and tables nested more than %d levels deep (write them flatter)":                                                                                     "des listes et des tables imbriquées sur plus de %d niveaux (imbriquez-les moins)",
	"more than %d tables in one file, written [t], [[t]] or { … } (keep fewer; each value of an indicator is one)":                                              "plus de %d tables dans un même fichier, écrites [t], [[t]] ou { … } (gardez-en moins ; chaque valeur d'un indicateur en est une)",
	"invalid TOML: %s (check quotes around text, commas in lists, and one key = value per line)":                                                                "TOML invalide : %s (vérifiez les guillemets autour des textes, les virgules dans les listes, et qu'il n'y a qu'une clé = valeur par ligne)",

	// Markdown past the limits (internal/markdown/limits.go).
	"quotes and lists nested more than %d levels deep (write them flatter)":                                                                                  "des citations et des listes imbriquées sur plus de %d niveaux (imbriquez-les moins)",
	"more than %d [ left open in one paragraph (close each [ with ], or write \\[ for a bracket that is not a link)":                                         "plus de %d [ laissés ouverts dans un même paragraphe (fermez chaque [ par ], ou écrivez \\[ pour un crochet qui n'est pas un lien)",
	"more than %d *, _ or ~ in one paragraph (separate paragraphs with a blank line, or write \\%c for a sign that is not emphasis)":                         "plus de %d *, _ ou ~ dans un même paragraphe (séparez les paragraphes par une ligne vide, ou écrivez \\%c pour un signe qui n'est pas une mise en valeur)",
	"a link [text]( whose address is not closed on its line (close it with ), or write \\( for a bracket that is not a link)":                                "un lien [texte]( dont l'adresse n'est pas fermée sur sa ligne (fermez-la par ), ou écrivez \\( pour une parenthèse qui n'est pas un lien)",
	"more than %d Markdown signs in one file, counting [ ] * _ ~ < ` | \\ & and, on each line, the square of its depth of quotes and lists (split the file)": "plus de %d signes Markdown dans un même fichier, en comptant [ ] * _ ~ < ` | \\ & et, pour chaque ligne, le carré de sa profondeur de citations et de listes (découpez le fichier)",

	// Keys and values.
	"missing required key %q%s":                            "la clé obligatoire %q manque%s",
	"unknown key %q%s%s":                                   "clé inconnue %q%s%s",
	"%q must be text in quotes, not %s":                    "%q doit être un texte entre guillemets, pas %s",
	"%q must be text in quotes, not %s (write %s = \"…\")": "%q doit être un texte entre guillemets, pas %s (écrivez %s = \"…\")",
	"%q must be true or false, not %s":                     "%q doit valoir true ou false, pas %s",
	"%q must be a whole number, not %v":                    "%q doit être un nombre entier, pas %v",
	"%q must be a whole number, not %s":                    "%q doit être un nombre entier, pas %s",
	"%q must be a number, not %s (write digits without quotes or spaces, with a dot for decimals: 1500.5)":                "%q doit être un nombre, pas %s (écrivez des chiffres sans guillemets ni espaces, avec un point pour les décimales : 1500.5)",
	"%q must be a figure, not %s (write digits, with a dot for decimals: 1500.5)":                                         "%q doit être un nombre, pas %s (écrivez des chiffres, avec un point pour les décimales : 1500.5)",
	"%q holds an invisible control character, U+%04X, at character %d (delete it: only tabs and line breaks may be used)": "%q contient un caractère de contrôle invisible, U+%04X, au caractère %d (supprimez-le : seuls les tabulations et les retours à la ligne sont permis)",
	"must be a real date: there is no year 0 (write the year in full, like 2017-04-29)":                                   "doit être une vraie date : l'année 0 n'existe pas (écrivez l'année en entier, comme 2017-04-29)",
	"%q must be a table, not %s":                                                                       "%q doit être une table, pas %s",
	"%q must be a list of tables, written [[%s]]":                                                      "%q doit être une liste de tables, écrites [[%s]]",
	"%q must be a list, written in brackets: %s = [%q]":                                                "%q doit être une liste, écrite entre crochets : %s = [%q]",
	"%q must be a list, written in brackets: %s = [\"…\", \"…\"]":                                      "%q doit être une liste, écrite entre crochets : %s = [\"…\", \"…\"]",
	"must be a date alone, without a time, like 2017-04-29":                                            "doit être une date seule, sans heure, comme 2017-04-29",
	"must be a date without quotes: write %s, not %q":                                                  "doit être une date sans guillemets : écrivez %s, pas %q",
	"must be a date written year-month-day without quotes, like 2017-04-29, not %q":                    "doit être une date écrite année-mois-jour sans guillemets, comme 2017-04-29, pas %q",
	"must be a date written year-month-day without quotes, like 2017-04-29, not %s":                    "doit être une date écrite année-mois-jour sans guillemets, comme 2017-04-29, pas %s",
	"unknown status %q%s; use one of %s":                                                               "statut inconnu %q%s ; utilisez l'une de ces valeurs : %s",
	"unknown frequency %q%s; use \"monthly\", \"quarterly\" or \"yearly\"":                             "fréquence inconnue %q%s ; utilisez \"monthly\" (mensuelle), \"quarterly\" (trimestrielle) ou \"yearly\" (annuelle)",
	"maskBelow %v must be more than 0 (values below it are published as \"fewer than …\"; 5 is usual)": "maskBelow %v doit être plus grand que 0 (les valeurs inférieures sont publiées comme « moins de … » ; 5 est l'usage)",
	"note must be one line (write it without line breaks; the action's text can say more)":             "note doit tenir sur une ligne (écrivez-la sans retour à la ligne ; le texte de l'action peut en dire plus)",
	"two milestones on %s titled %q, at lines %d and %d (keep one)":                                    "deux jalons le %s intitulés %q, aux lignes %d et %d (gardez-en un)",
	"unknown direction %q%s; use \"increase\" or \"decrease\"":                                         "direction inconnue %q%s ; utilisez \"increase\" ou \"decrease\"",
	"%s must not be empty": "la clé \"%s\" ne doit pas être vide",

	// config.toml.
	"no config.toml in the site's folder (create one with at least title = \"…\", or run jalons init)": "pas de fichier config.toml dans le dossier du site (créez-en un avec au moins title = \"…\", ou lancez jalons init)",
	"unknown accessibility %q (use \"none\", \"partial\" or \"full\")":                                 "niveau d'accessibilité inconnu %q (utilisez \"none\", \"partial\" ou \"full\")",
	"unknown language %q (use \"fr\" or \"en\")":                                                       "langue inconnue %q (utilisez \"fr\" ou \"en\")",
	"theme %q is not a folder name under themes/ (use letters, digits, - or _)":                        "theme = %q : ce n'est pas un nom de dossier de themes/ (utilisez des lettres, des chiffres, - ou _)",
	"theme %q not found: there is no folder themes/%s (remove the key to use the default theme)":       "thème %q introuvable : il n'y a pas de dossier themes/%s (retirez la clé theme pour utiliser le thème par défaut)",
	"maxFileSize must be 1 or more (megabytes), not %d":                                                "maxFileSize doit valoir 1 ou plus (en mégaoctets), pas %d",
	"newsPerPage must be 1 or more, not %d":                                                            "newsPerPage doit valoir 1 ou plus, pas %d",
	"period ends (%d) before it starts (%d)":                                                           "la période finit (%d) avant de commencer (%d)",
	"period %s %d is not a year (write it with four digits, like 2017)":                                "%[2]d n'est pas une année pour period (écrivez-la avec quatre chiffres, comme 2017)",
	"title must not be empty":                                                                          "la clé \"title\" ne doit pas être vide",
	"baseURL %q must be a full address such as https://www.example.fr/projet-social/":                  "baseURL = %q : il faut une adresse complète, comme https://www.example.fr/projet-social/",
	"baseURL %q must not have a query (?…) or fragment (#…)":                                           "baseURL = %q : l'adresse ne doit avoir ni paramètres (?…) ni ancre (#…)",

	// The content/ folder.
	"unexpected folder: content/ holds the folders axes, actions, indicators, news and pages%s":                                                            "dossier inattendu : content/ contient les dossiers axes, actions, indicators, news et pages%s",
	"unexpected file: content/ holds _index.md, governance.md and the folders axes, actions, indicators, news and pages (free pages go in content/pages/)": "fichier inattendu : content/ contient _index.md, governance.md et les dossiers axes, actions, indicators, news et pages (les pages libres vont dans content/pages/)",
	"unexpected file: content/%s/ holds only %s files":                                                                                                     "fichier inattendu : content/%s/ ne contient que des fichiers %s",
	"unexpected file: _index.md belongs at the top of content/, where it introduces the home page":                                                         "fichier inattendu : _index.md se place à la racine de content/, où il présente la page d'accueil",
	"slug %q must be lowercase letters, digits and hyphens, like %q":                                                                                       "slug = %q : n'utilisez que des lettres minuscules sans accents, des chiffres et des tirets, comme %q",
	"the file name gives no slug: name it with letters or digits, like mon-action%s":                                                                       "le nom du fichier ne donne pas de slug : nommez-le avec des lettres ou des chiffres, comme mon-action%s",
	"two %s have the slug %q: %s and %s (rename one file, or set slug = \"…\" in one of them)":                                                             "deux fichiers ont le même slug %[2]q : %[3]s et %[4]s (renommez l'un des deux, ou indiquez slug = \"…\" dans l'un d'eux)",
	"the page slug %q is taken by a section of the site (rename the file, or set slug = \"…\")":                                                            "le slug de page %q est déjà pris par une rubrique du site (renommez le fichier, ou indiquez slug = \"…\")",
	"color %q must be a hex colour like \"#b34e00\"":                                                                                                       "color = %q : il faut une couleur en hexadécimal, comme \"#b34e00\"",
	"end %s is before start %s (end must be on or after start)":                                                                                            "end = %s est avant start = %s (la fin doit être le jour du début ou après)",
	"progress %v is outside 0..100 (a percentage: 0 for nothing done, 100 for all done)":                                                                   "progress = %v : ce pourcentage doit être entre 0 et 100 (0 quand rien n'est fait, 100 quand tout est fait)",
	"weight %v must be more than 0 (1 is the default; 2 counts the action twice)":                                                                          "weight = %v : le poids doit être plus grand que 0 (1 par défaut ; 2 compte l'action deux fois)",
	"%s %v must not be negative": "%s = %v : la valeur ne doit pas être négative",
	"two values on %s (the other one is at line %d): keep one value per date":                                                               "deux valeurs pour le %s (l'autre est à la ligne %d) : gardez une seule valeur par date",
	"image needs imageAlt, a text that says what the image shows for people who cannot see it (imageAlt = \"…\")":                           "une image demande un texte imageAlt qui dit ce qu'elle montre, pour les personnes qui ne peuvent pas la voir (imageAlt = \"…\")",
	"url %q must be a full address starting with https://":                                                                                  "url = %q : il faut une adresse complète, qui commence par https://",
	"%s %q must be a path inside static/, like \"images/photo.jpg\"":                                                                        "%s = %q : le chemin doit être à l'intérieur de static/, comme \"images/photo.jpg\"",
	"image %q is not a file of the site: pages load nothing from another host (put the image in static/ and write ![…](/images/photo.jpg))": "image %q : ce n'est pas un fichier du site ; les pages ne chargent rien d'un autre site (placez l'image dans static/ et écrivez ![…](/images/photo.jpg))",
	"%s %q is a folder, not a file (name a file in it, like \"%s\")":                                                                        "%s = %q : c'est un dossier, pas un fichier (indiquez un fichier qu'il contient, comme \"%s\")",
	"%s %q: no such file under static/ (put the file in static/%s)":                                                                         "%s = %q : aucun fichier de ce nom dans static/ (placez le fichier dans static/%s)",

	// Links between items.
	"unknown axis %q%s":   "axe inconnu %q%s",
	"unknown action %q%s": "action inconnue %q%s",
	"unknown body %q%s":   "instance inconnue %q%s",
	"two bodies have the id %q (each body needs its own id)":                                          "deux instances ont l'id %q (chaque instance doit avoir son propre id)",
	"two structures have the id %q (each structure needs its own id)":                                 "deux structures ont l'id %q (chaque structure doit avoir son propre id)",
	"body %q sits %d levels down from the top body, more than %d (make the tree of bodies shallower)": "l'instance %q est à %d niveaux sous l'instance du haut, plus de %d (faites un arbre d'instances moins profond)",
	"body %q reports to itself through parent = %q (the bodies must form a tree)":                     "l'instance %q dépend d'elle-même par parent = %q (les instances doivent former un arbre, sans boucle)",

	// jalons import actions: the spreadsheet.
	"the import reads .csv and .xlsx files, not %q (in the spreadsheet, save as CSV or as an Excel workbook)":   "l'import lit les fichiers .csv et .xlsx, pas %q (dans le tableur, enregistrez au format CSV ou classeur Excel)",
	"this row cannot be read as CSV: %v (check its quotes)":                                                     "cette ligne n'est pas du CSV lisible : %v (vérifiez ses guillemets)",
	"the workbook cannot be read: %v (save it again as an Excel workbook, .xlsx)":                               "le classeur est illisible : %v (enregistrez-le à nouveau comme classeur Excel, .xlsx)",
	"the spreadsheet is empty: its first row names the columns, like titre, axe, statut, then one action a row": "le tableau est vide : sa première ligne nomme les colonnes, comme titre, axe, statut, puis une action par ligne",
	" (known columns: %s)": " (colonnes possibles : %s)",
	"unknown column %q%s":  "colonne inconnue %q%s",
	"column %q says the same as column %d, %q (keep one of them)":                                               "la colonne %q dit la même chose que la colonne %d, %q (gardez l'une des deux)",
	"the header row has no %s column (add a column named %s or %s)":                                             "il manque la colonne %[2]s (ajoutez à la ligne d'en-tête une colonne nommée %[2]s ou %[3]s)",
	"this cell is in a column without a name (name the column in the header row, or empty the cell)":            "cette cellule est dans une colonne sans nom (nommez la colonne dans la ligne d'en-tête, ou videz la cellule)",
	"no title: every action needs one (write it in this cell, or delete the row)":                               "titre manquant : chaque action en a un (écrivez-le dans cette cellule, ou supprimez la ligne)",
	"no axis: every action needs one (write the slug or the title of an axis)":                                  "axe manquant : chaque action en a un (écrivez le slug ou le titre d'un axe)",
	"%s %q gives no file name (write letters or digits)":                                                        "%s %q ne donne pas de nom de fichier (écrivez des lettres ou des chiffres)",
	"%s: %q is not a date (write it like 12/03/2024 or 2024-03-12)":                                             "%s : %q n'est pas une date (écrivez-la comme 12/03/2024 ou 2024-03-12)",
	"%s: %q is not a number (write digits, like 45000, 45 000 or 1 500,50 €)":                                   "%s : %q n'est pas un nombre (écrivez des chiffres, comme 45000, 45 000 ou 1 500,50 €)",
	"row %d gives the slug %q already (change one of the titles, or fill a slug column)":                        "la ligne %d donne déjà le slug %q (changez l'un des titres, ou remplissez une colonne slug)",
	"%s already exists: the import never replaces a file (delete the row, or give it another slug)":             "%s existe déjà : l'import ne remplace jamais un fichier (supprimez la ligne, ou donnez-lui un autre slug)",
	"%s already has the slug %q: the import never replaces an action (delete the row, or give it another slug)": "%s a déjà le slug %q : l'import ne remplace jamais une action (supprimez la ligne, ou donnez-lui un autre slug)",

	// Mistakes people make in TOML, read from the line of a syntax error.
	"keys are written in English, without accents: write %s":                                                                     "les clés s'écrivent en anglais, sans accents : écrivez %s",
	"missing \"=\" between the key and its value (a space, a tab or a colon is not enough): write %s":                            "il manque le signe = entre la clé et sa valeur (une espace, une tabulation ou un deux-points ne suffisent pas) : écrivez %s",
	"the date %s must be written year-month-day, without quotes: write %s":                                                       "la date %s s'écrit année-mois-jour, sans guillemets : écrivez %s",
	"the number %s holds a unit or a currency sign: write %s (digits only)":                                                      "le nombre %s contient une unité ou un symbole monétaire : écrivez %s (des chiffres seulement)",
	"the number %s has separators between thousands: write %s (digits only, a dot for decimals)":                                 "le nombre %s sépare les milliers : écrivez %s (des chiffres seulement, avec un point pour les décimales)",
	"the number %s has a decimal comma: write %s (with a dot)":                                                                   "le nombre %s a une virgule décimale : écrivez %s (avec un point)",
	"a text goes between straight quotes \"…\", not %s: write %s":                                                                "un texte se met entre guillemets droits \"…\", pas %s : écrivez %s",
	"a text goes between quotes: write %s":                                                                                       "un texte se met entre guillemets : écrivez %s",
	"the front matter goes between two lines of +++, not --- (replace both lines --- by +++, and write keys as key = \"value\")": "l'en-tête se place entre deux lignes +++, pas --- (remplacez les deux lignes --- par +++, et écrivez les clés sous la forme clé = \"valeur\")",
	"%q must be a list, each item in quotes: %s = %s":                                                                            "%q doit être une liste, chaque élément entre guillemets : %s = %s",
	" (keys are written in English: %q)":                                                                                         " (les clés s'écrivent en anglais : %q)",
	"%s %q: paths start inside static/, without \"static/\" (write %s = %q)":                                                     "%s = %q : le chemin part de l'intérieur de static/, sans \"static/\" (écrivez %s = %q)",
}
