package benchsite

// The bank of words and phrases the text is drawn from.

var axisTitles = []string{
	"Réduire les précarités et les isolements",
	"Soutenir les familles et la parentalité",
	"Favoriser l'insertion sociale et professionnelle",
	"Accompagner le vieillissement à domicile",
	"Améliorer l'accès aux droits et aux services",
	"Développer la participation des habitants",
	"Agir pour le logement et le cadre de vie",
	"Promouvoir la santé et la prévention",
	"Accompagner les jeunes vers l'autonomie",
	"Ouvrir la culture et les loisirs à tous",
	"Réussir l'inclusion numérique",
	"Coordonner les acteurs du territoire",
}

var communes = []string{
	"Saint-Flour", "Murat", "Allanche", "Neussargues", "Ruynes-en-Margeride",
	"Pierrefort", "Chaudes-Aigues", "Massiac", "Talizat", "Andelat",
	"Coltines", "Roffiac", "Les Ternes", "Villedieu", "Saint-Georges",
	"Anglards-de-Saint-Flour", "Paulhac", "Valuéjols", "Cussac", "Tanavelle",
	"Lavastrie", "Neuvéglise-sur-Truyère", "Sériers", "Alleuze", "Lorcières",
	"Clavières", "Loubaresse", "Faverolles", "Garabit", "Védrines-Saint-Loup",
	"Rézentières", "Vabres", "Mentières", "Montchamp", "Sainte-Marie",
	"Lieutadès", "Jabrun", "Espinasse", "Saint-Urcize", "Deux-Verges",
	"Chalinargues", "Dienne", "Laveissière", "Lavigerie", "Le Claux",
	"Marcenat", "Landeyrat", "Ségur-les-Villas", "Peyrusse", "Molèdes",
	"Charmensac", "Joursac", "Celoux", "Ferrières-Saint-Mary", "Saint-Poncy",
	"Rageade", "Vieillespesse", "Bonnac", "Auriac-l'Église", "Leyvaux",
}

var audiences = []string{
	"familles", "personnes isolées", "jeunes de 16 à 25 ans", "seniors",
	"aidants familiaux", "demandeurs d'emploi", "personnes en situation de handicap",
	"habitants des quartiers prioritaires", "familles monoparentales", "parents",
	"enfants", "allocataires du RSA", "étudiants", "bénévoles", "associations",
	"agriculteurs", "nouveaux arrivants", "locataires du parc social",
	"femmes victimes de violences", "personnes sans domicile", "gens du voyage",
	"collégiens", "lycéens", "jeunes enfants", "personnes âgées dépendantes",
	"travailleurs pauvres", "retraités", "habitants des communes rurales",
	"réfugiés", "professionnels de l'action sociale",
}

var actionKinds = []string{
	"Épicerie sociale", "Atelier numérique", "Permanence d'accès aux droits",
	"Jardin partagé", "Aide aux devoirs", "Café des parents", "Transport solidaire",
	"Chantier d'insertion", "Repas partagés", "Point info familles",
	"Lutte contre la précarité énergétique", "Accueil de jour", "Maison des familles",
	"Ludothèque itinérante", "Visites de convivialité", "Accompagnement vers l'emploi",
	"Prévention santé", "Soutien aux aidants", "Fête de quartier", "Conseil citoyen",
	"Accueil des nouveaux arrivants", "Mobilité des jeunes", "Logement d'urgence",
	"Colis alimentaires", "Départs en vacances des familles", "Permis de conduire solidaire",
	"Rénovation des logements", "Écrivain public", "Bourse aux vêtements",
	"Épicerie itinérante", "Halte-garderie", "Ateliers de français",
}

var forWhom = []string{
	"pour les seniors", "pour les familles monoparentales", "pour les jeunes sans emploi",
	"des quartiers nord", "en milieu rural", "pour les aidants", "intercommunal",
	"pour les personnes isolées", "des collégiens", "pour tous les âges",
}

var structureKinds = []string{
	"Centre social", "Espace de vie sociale", "CCAS", "Maison France services",
	"Association familiale", "Épicerie solidaire",
}

var partners = []string{
	"Caisse d'allocations familiales", "Département du Cantal", "Mission locale",
	"France Travail", "Banque alimentaire du Cantal", "Secours populaire",
	"Restos du cœur", "Croix-Rouge française", "Agence régionale de santé",
	"Éducation nationale", "Office public de l'habitat", "MSA Auvergne",
	"CPAM du Cantal", "Centre hospitalier", "UDAF du Cantal",
	"Compagnons bâtisseurs", "ADIL du Cantal", "Espace info énergie",
	"Ligue de l'enseignement", "Région Auvergne-Rhône-Alpes",
}

var milestoneTitles = []string{
	"Lancement de l'action", "Premier comité de suivi", "Ouverture au public",
	"Bilan à mi-parcours", "Recrutement de l'animateur", "Signature de la convention",
	"Réunion publique d'information", "Bilan final", "Extension à de nouvelles communes",
	"Formation des bénévoles",
}

var milestoneNotes = []string{
	"Date confirmée par le comité de pilotage", "Reportée une fois faute de local",
	"Une trentaine de participants", "En présence des élus", "Date prévisionnelle",
}

var budgetLines = []string{
	"Personnel", "Locaux", "Matériel", "Transport", "Communication",
	"Formation des bénévoles", "Prestations extérieures",
}

var measures = []measure{
	{title: "Familles accompagnées", unit: "familles", scale: 200},
	{title: "Personnes reçues en permanence", unit: "personnes", scale: 450},
	{title: "Repas servis", unit: "repas", scale: 12000},
	{title: "Heures de bénévolat", unit: "heures", scale: 3500},
	{title: "Taux de participation aux ateliers", unit: "%", scale: 80, decimals: true},
	{title: "Budget mobilisé", unit: "€", scale: 150000},
	{title: "Denrées distribuées", unit: "t", scale: 40, decimals: true},
	{title: "Délai moyen d'attente", unit: "jours", scale: 45, decrease: true},
	{title: "Logements en situation de précarité énergétique", unit: "logements", scale: 300, decrease: true},
	{title: "Jeunes en emploi ou en formation à six mois", unit: "jeunes", scale: 60},
	{title: "Enfants inscrits à l'aide aux devoirs", unit: "enfants", scale: 90},
	{title: "Demandes d'aide aux impayés", unit: "demandes", scale: 120, decrease: true},
}

var sources = []string{
	"CCAS, registre des bénéficiaires", "Rapport d'activité du centre social",
	"Tableau de bord de la CAF", "Bilan annuel du contrat de territoire",
	"Enquête auprès des habitants", "Service comptabilité de la communauté de communes",
}

var valueNotes = []string{
	"Bilan annuel", "Estimation provisoire", "Chiffre consolidé au comité de pilotage",
	"Année marquée par la fermeture du local pendant trois mois",
}

// newsTitles take the kind of an action, then a territory.
var newsTitles = []string{
	"Inauguration : %s à %s",
	"Un premier bilan encourageant pour l'action %s à %s",
	"Retour en images sur la journée %s de %s",
	"Appel à bénévoles : %s, %s",
	"Le comité de pilotage fait le point sur %s à %s",
	"Nouveaux horaires pour %s à %s",
}

var firstNames = []string{
	"Martine", "Pierre", "Céline", "Jean-Marc", "Sophie", "Hélène", "Nicolas",
	"Amélie", "Bernard", "Chloé", "Éric", "Fatima", "Gérard", "Inès", "Julien",
	"Karine", "Louis", "Manon", "Noël", "Océane",
}

var lastNames = []string{
	"Guibert", "Jarlier", "Charriaud", "Delmas", "Bouvier", "Vidal", "Rouchy",
	"Aymard", "Chabrier", "Fournier", "Lacombe", "Mazet", "Pradal", "Roux",
	"Séguy", "Tournadre", "Vermenouze", "Brunet", "Couderc", "Fabre",
}

var memberRoles = []string{
	"Vice-présidente en charge de l'action sociale", "Maire adjoint aux solidarités",
	"Directrice du centre social", "Responsable de l'épicerie solidaire",
	"Conseillère en économie sociale et familiale", "Représentant de la CAF",
	"Habitant du quartier", "Bénévole de la banque alimentaire",
	"Chargée de mission au Département", "Animateur jeunesse",
}

var meetingTitles = []string{
	"Suivi des actions en cours", "Préparation du bilan annuel",
	"Lancement des groupes de travail", "Point sur les indicateurs",
	"Examen des nouvelles propositions",
}

var pageHeadings = []string{
	"Qui sommes-nous", "Nous contacter", "Vos droits", "État de conformité",
	"Hébergement", "Voies de recours", "Comment participer",
}

var subjects = []string{
	"Le CCAS", "Le centre social", "L'espace de vie sociale", "La mission locale",
	"L'équipe d'animation", "L'association des bénévoles", "La médiathèque intercommunale",
	"Le service jeunesse", "La maison France services", "Le conseil citoyen",
	"Le service social du Département", "L'épicerie solidaire",
	"Le relais petite enfance", "La caisse d'allocations familiales",
	"Le bailleur social", "Un collectif d'habitants",
}

var subjects2 = []string{
	"les partenaires ont retenu", "le groupe de travail propose",
	"les habitants demandent", "la commune finance", "le comité de pilotage a validé",
}

var verbs = []string{
	"organise", "propose", "anime", "développe", "renforce", "finance",
	"coordonne", "prépare", "évalue", "soutient", "poursuit", "étend",
}

var objects = []string{
	"des ateliers de cuisine pour les familles", "un point d'accueil pour les démarches en ligne",
	"des permanences d'accès aux droits", "un accompagnement individuel vers l'emploi",
	"des sorties culturelles à petit prix", "une aide aux devoirs pour les collégiens",
	"des visites à domicile auprès des personnes âgées isolées", "un jardin partagé au pied des immeubles",
	"des cafés des parents", "un transport solidaire vers les services de santé",
	"des formations au numérique", "un fonds d'aide aux impayés d'énergie",
	"des chantiers éducatifs pour les jeunes", "un accueil de loisirs pendant les vacances",
	"des repas partagés entre générations", "une veille sociale pendant l'hiver",
	"des diagnostics de précarité énergétique", "un annuaire des acteurs du territoire",
	"une bourse au permis de conduire", "des séances d'information sur le logement",
}

var complements = []string{
	"chaque mardi après-midi", "en lien avec la mission locale", "dans les quartiers prioritaires",
	"depuis la rentrée de septembre", "avec le soutien de la CAF", "dans les communes rurales du territoire",
	"pendant les vacances scolaires", "au plus près des habitants", "en partenariat avec les associations locales",
	"sur rendez-vous ou sans rendez-vous", "deux fois par mois", "à la demande des familles",
	"avec des bénévoles formés", "dans les locaux de la mairie annexe", "",
}

var purposes = []string{
	"afin de rompre l'isolement", "pour que chacun connaisse ses droits",
	"pour faciliter le retour à l'emploi", "afin de soulager les aidants",
	"pour réduire les factures d'énergie", "afin de créer du lien entre voisins",
}

var people = []string{"familles", "personnes", "jeunes", "habitants", "seniors", "enfants", "bénévoles"}

var findings = []string{
	"la forte mobilisation des partenaires", "la difficulté à toucher les publics les plus éloignés",
	"l'intérêt d'une présence régulière sur le terrain", "le besoin de nouveaux bénévoles",
	"la hausse des demandes depuis l'hiver dernier", "la bonne fréquentation des ateliers du samedi",
	"le manque de locaux adaptés dans les petites communes",
}

var connectors = []string{
	"À la suite du diagnostic partagé,", "Pour la deuxième année,", "Dès cet automne,",
	"Avec l'arrivée d'une nouvelle animatrice,", "Faute de moyens suffisants jusqu'ici,",
}

var quotes = []string{
	"Nous voulons aller vers les habitants qui ne poussent jamais la porte",
	"Les familles nous disent qu'elles se sentent moins seules",
	"Sans les bénévoles, rien de tout cela ne serait possible",
	"Il faut du temps pour gagner la confiance des gens",
	"Chaque semaine, de nouvelles personnes nous rejoignent",
}
