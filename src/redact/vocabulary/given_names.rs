//! Given names in the languages of the shops' customers, written as the
//! names are written: a person's full name in prose is told from a place, a
//! team or a product by its first word (`Peter Novak`, not `Front Desk`).
//!
//! Left out on purpose: names that are as often a word, a place or a product
//! where logs and tickets write them capitalised (`Will`, `Mark`, `May`,
//! `Florence`, `Virginia`, `Ruby`, `Claude`, `Aurora`, `Per`, `Can`, `Tor`),
//! and one-syllable romanisations that are English words (`Long`, `Ping`).
//! A name left out here is still found where words introduce it.

use std::sync::LazyLock;

use crate::redact::fasthash::FastSet;

/// Whether `word` is a given name of [`GIVEN_NAMES`].
pub(crate) fn is_given_name(word: &str) -> bool {
    static SET: LazyLock<FastSet<&str>> =
        LazyLock::new(|| GIVEN_NAMES.iter().flat_map(|g| g.iter()).copied().collect());
    SET.contains(word)
}

/// By language, as each is commonly written (with its accents).
#[rustfmt::skip]
const GIVEN_NAMES: &[&[&str]] = &[
    // English, Irish, Scottish, Welsh.
    &[
        "Aaron", "Abigail", "Adam", "Adrian", "Aidan", "Alan", "Alastair", "Albert", "Alexander",
        "Alexandra", "Alexis", "Alfie", "Alfred", "Alice", "Alicia", "Alison", "Allan", "Amanda",
        "Amelia", "Amy", "Andrew", "Andy", "Angela", "Angus", "Anna", "Anne", "Annie", "Anthony",
        "Antony", "Archie", "Arthur", "Ashley", "Barbara", "Barry", "Beatrice", "Becky", "Benjamin",
        "Bernard", "Beth", "Bethany", "Betty", "Beverley", "Bradley", "Brandon", "Brenda",
        "Brendan", "Brian", "Bridget", "Brittany", "Bryan", "Caitlin", "Callum", "Calum", "Cameron",
        "Carl", "Caroline", "Carolyn", "Catherine", "Cathy", "Cecilia", "Charles", "Charlie",
        "Cheryl", "Chloe", "Chloë", "Christina", "Christine", "Christopher", "Claire", "Clare",
        "Clara", "Colin", "Connor", "Conor", "Craig", "Cynthia", "Damian", "Daniel", "Danielle",
        "Darren", "David", "Debbie", "Deborah", "Declan", "Denise", "Dennis", "Derek", "Diana",
        "Diane", "Dominic", "Donald", "Donna", "Dorothy", "Douglas", "Duncan", "Dylan", "Edward",
        "Eileen", "Elaine", "Eleanor", "Elizabeth", "Ella", "Ellen", "Ellie", "Emily", "Emma",
        "Eric", "Erica", "Ethan", "Eugene", "Evelyn", "Fiona", "Fraser", "Freddie", "Frederick",
        "Gail", "Gareth", "Gary", "Gavin", "Geoffrey", "George", "Gerald", "Gerard", "Gillian",
        "Gordon", "Graham", "Gregory", "Hannah", "Harriet", "Harrison", "Harvey", "Heather",
        "Helen", "Henry", "Howard", "Ian", "Imogen", "Isaac", "Isabel", "Isabella", "Isabelle",
        "Jacob", "Jacqueline", "Jake", "James", "Jamie", "Janet", "Janice", "Jason", "Jean",
        "Jeffrey", "Jennifer", "Jenny", "Jeremy", "Jessica", "Joanna", "Joanne", "Jodie", "John",
        "Jonathan", "Joseph", "Joshua", "Joyce", "Judith", "Julian", "Julie", "Justin", "Karen",
        "Katherine", "Kathleen", "Kathryn", "Katie", "Keith", "Kelly", "Kenneth", "Kerry", "Kevin",
        "Kieran", "Kimberly", "Kirsty", "Laura", "Lauren", "Leah", "Leonard", "Leslie", "Liam",
        "Linda", "Lindsay", "Lisa", "Logan", "Lorna", "Louise", "Lucy", "Luke", "Lynn", "Malcolm",
        "Margaret", "Maria", "Marie", "Marion", "Martin", "Mary", "Matthew", "Megan", "Melanie",
        "Melissa", "Michael", "Michelle", "Mohammed", "Molly", "Morgan", "Nathan", "Neil",
        "Nicholas", "Nicola", "Nigel", "Noah", "Olivia", "Oliver", "Oscar", "Owen", "Pamela",
        "Patricia", "Patrick", "Paul", "Paula", "Pauline", "Peter", "Philip", "Phillip", "Phoebe",
        "Rachel", "Raymond", "Rebecca", "Richard", "Robert", "Roger", "Ronald", "Rosemary", "Ross",
        "Russell", "Ruth", "Ryan", "Samantha", "Samuel", "Sandra", "Sarah", "Scott", "Sean", "Seán",
        "Shane", "Sharon", "Sheila", "Shirley", "Simon", "Sophia", "Stacey", "Stephanie", "Stephen",
        "Steven", "Stuart", "Susan", "Suzanne", "Tanya", "Teresa", "Theresa", "Thomas", "Timothy",
        "Toby", "Tracey", "Tracy", "Trevor", "Tyler", "Valerie", "Vanessa", "Vincent", "Walter",
        "Wayne", "Wendy", "William", "Zachary", "Zoe", "Zoë", "Aoife", "Aisling", "Ailbhe", "Áine",
        "Bríd", "Caoimhe", "Ciara", "Ciarán", "Cillian", "Clodagh", "Colm", "Cormac", "Dara",
        "Darragh", "Deirdre", "Dervla", "Donal", "Dónal", "Eamon", "Éamon", "Eimear", "Eoin",
        "Fergal", "Finbar", "Fionn", "Fionnuala", "Gráinne", "Niall", "Niamh", "Oisín", "Orla",
        "Órla", "Pádraig", "Padraig", "Róisín", "Roisin", "Ronan", "Rónán", "Saoirse", "Seamus",
        "Séamus", "Siobhan", "Siobhán", "Sinéad", "Sinead", "Tadhg", "Aodhán", "Fiachra",
        "Muireann", "Éabha", "Sorcha", "Laoise", "Bláthnaid", "Oonagh", "Úna", "Una", "Eilidh",
        "Ailsa", "Isla", "Morag", "Hamish", "Fergus", "Lachlan", "Rhys", "Rhian", "Cerys", "Dafydd",
        "Gwen", "Gwyneth", "Ieuan", "Iwan", "Sian", "Siân", "Bronwen", "Carys", "Emrys", "Gethin",
        "Llewellyn", "Owain", "Tegan", "Aled", "Ava", "Ayesha", "Brooke", "Caleb", "Cody", "Colton",
        "Dominique", "Elijah", "Emmett", "Evan", "Gabriel", "Hailey", "Isaiah", "Jayden", "Jaden",
        "Jeremiah", "Jocelyn", "Jonah", "Josiah", "Kayla", "Kaylee", "Kendall", "Landon", "Levi",
        "Lucas", "Mackenzie", "Mason", "Natalie", "Nathaniel", "Peyton", "Riley", "Rylee",
        "Sebastian", "Taylor", "Tristan", "Xavier", "Zoey", "Abby", "Addison", "Aiden", "Alyssa",
        "Brianna", "Cassidy", "Courtney", "Darius", "DeShawn", "Jamal", "Kiara", "Latoya", "Malik",
        "Marcus", "Terrence", "Tyrone", "Keisha", "Shanice", "Darnell", "Andre", "Jermaine",
        "Imani", "Aaliyah", "Nia",
    ],
    // German, Austrian, Swiss.
    &[
        "Andreas", "Anja", "Annika", "Anke", "Bernd", "Birgit", "Björn", "Christoph", "Claudia",
        "Dagmar", "Detlef", "Dieter", "Dirk", "Doris", "Elke", "Erika", "Ernst", "Florian", "Frank",
        "Franziska", "Friedrich", "Gabriele", "Gerhard", "Gisela", "Günter", "Günther", "Hannelore",
        "Hans", "Hartmut", "Heike", "Heinrich", "Heinz", "Helga", "Helmut", "Holger", "Horst",
        "Ilse", "Ingrid", "Jan", "Jana", "Jannik", "Jens", "Jörg", "Jürgen", "Jutta", "Karin",
        "Karl", "Katharina", "Katrin", "Kerstin", "Klaus", "Konrad", "Kurt", "Lena", "Lukas",
        "Maik", "Manfred", "Manuela", "Marcel", "Markus", "Matthias", "Maximilian", "Monika",
        "Nadine", "Niklas", "Nils", "Norbert", "Olaf", "Ottmar", "Petra", "Rainer", "Ralf",
        "Reinhard", "Renate", "Rolf", "Rüdiger", "Sabine", "Silke", "Stefan", "Steffen", "Susanne",
        "Sven", "Thorsten", "Tobias", "Torsten", "Ulrich", "Ulrike", "Ursula", "Uwe", "Volker",
        "Werner", "Wolfgang", "Yvonne", "Jonas", "Leon", "Finn", "Luca", "Felix", "Elias", "Ben",
        "Emil", "Anton", "Mia", "Hanna", "Lea", "Leonie", "Lina", "Johanna", "Emilia", "Greta",
        "Frieda", "Mathilda", "Ida", "Henrik", "Malte", "Jannis", "Moritz", "Fabian", "Jasper",
        "Joachim", "Hubert", "Gottfried", "Siegfried", "Brigitte", "Hildegard", "Gudrun", "Irmgard",
        "Waltraud", "Sieglinde", "Wiebke", "Meike", "Svenja", "Merle", "Tanja", "Nicole", "Kathrin",
        "Bettina", "Cornelia", "Simone", "Martina", "Veronika", "Carola", "Gerda", "Roswitha",
        "Friederike", "Magdalena", "Kai", "Lars", "Ole", "Timo", "Sascha", "Marco", "Dominik",
        "Philipp", "Benedikt", "Valentin", "Korbinian", "Leopold", "Ferdinand", "Xaver", "Sepp",
        "Alois", "Franz", "Josef", "Johann", "Georg", "Matthäus", "Lorenz", "Jakob", "Tim",
        "Carsten", "Kristina",
    ],
    // French, Belgian, Swiss French, Québec.
    &[
        "Adèle", "Agathe", "Alain", "Alexandre", "Amélie", "Anaïs", "André", "Annick", "Antoine",
        "Arnaud", "Aurélie", "Aurélien", "Baptiste", "Benoît", "Bruno", "Camille", "Capucine",
        "Cécile", "Céline", "Chantal", "Christelle", "Christian", "Christophe", "Clément",
        "Coralie", "Corinne", "Damien", "Delphine", "Denis", "Didier", "Édouard", "Éléonore",
        "Élise", "Élodie", "Émile", "Émilie", "Emmanuel", "Éric", "Étienne", "Fabien", "Fabrice",
        "Françoise", "François", "Frédéric", "Gaëlle", "Gaël", "Geneviève", "Gérard", "Gilles",
        "Guillaume", "Hélène", "Henri", "Hervé", "Hugues", "Inès", "Jacques", "Jeanne", "Jérémie",
        "Jérôme", "Joël", "Josiane", "Julien", "Juliette", "Justine", "Laetitia", "Laëtitia",
        "Laure", "Laurence", "Laurent", "Léa", "Léo", "Léon", "Louis", "Luc", "Lucie", "Lucien",
        "Madeleine", "Maëlle", "Manon", "Marc", "Margaux", "Marguerite", "Marianne", "Marine",
        "Martine", "Mathieu", "Mathilde", "Matthieu", "Maxime", "Mélanie", "Michel", "Michèle",
        "Mireille", "Monique", "Muriel", "Mylène", "Nathalie", "Nicolas", "Noémie", "Océane",
        "Odile", "Olivier", "Pascale", "Patrice", "Philippe", "Pierre", "Quentin", "Raphaël",
        "Régis", "Rémi", "Renaud", "Romain", "Sandrine", "Sébastien", "Serge", "Solène", "Stéphane",
        "Stéphanie", "Sylvain", "Sylvie", "Théo", "Thibault", "Thierry", "Valérie", "Véronique",
        "Virginie", "Yannick", "Yves", "Yvette", "Zoé", "Gaëtan", "Maëlys", "Clémence", "Apolline",
        "Bastien", "Corentin", "Ludovic", "Loïc", "Maxence", "Timothée", "Ginette", "Huguette",
        "Josette", "Lucienne", "Paulette", "Thérèse", "Jean-Pierre", "Jean-Claude", "Jean-Luc",
        "Jean-Paul", "Jean-Marc", "Jean-François", "Jean-Philippe", "Marie-Claire",
        "Marie-Christine", "Anne-Marie", "Marie-Hélène", "Marie-France",
    ],
    // Spanish, Portuguese, Latin American.
    &[
        "Adriana", "Agustín", "Alberto", "Alejandra", "Alejandro", "Alfonso", "Álvaro", "Ana",
        "Andrea", "Andrés", "Ángel", "Antonio", "Araceli", "Ariadna", "Beatriz", "Begoña", "Carla",
        "Carlos", "Carmen", "Catalina", "Concepción", "Consuelo", "Cristina", "Cristian", "Daniela",
        "Diego", "Dolores", "Eduardo", "Elena", "Emilio", "Enrique", "Esperanza", "Esteban", "Eva",
        "Federico", "Felipe", "Fernanda", "Fernando", "Francisco", "Gabriela", "Gerardo", "Gloria",
        "Gonzalo", "Guadalupe", "Guillermo", "Gustavo", "Héctor", "Ignacio", "Inés", "Irene",
        "Jaime", "Javier", "Jesús", "Jimena", "Joaquín", "Jorge", "José", "Josefa", "Juan", "Juana",
        "Julio", "Leticia", "Lorena", "Lucía", "Luis", "Luisa", "Manuel", "Marcela", "Margarita",
        "María", "Mariana", "Marina", "Mario", "Marisol", "Marta", "Martín", "Mateo", "Miguel",
        "Milagros", "Mónica", "Montserrat", "Natalia", "Nerea", "Nicolás", "Noelia", "Núria",
        "Nuria", "Óscar", "Pablo", "Paloma", "Pedro", "Pilar", "Rafael", "Ramón", "Raquel", "Raúl",
        "Ricardo", "Roberto", "Rocío", "Rodrigo", "Rosa", "Rosario", "Salvador", "Sara", "Sergio",
        "Silvia", "Sofía", "Soledad", "Susana", "Tomás", "Valeria", "Verónica", "Vicente", "Víctor",
        "Ximena", "Yolanda", "Jordi", "Josep", "Joan", "Pau", "Arnau", "Oriol", "Xavi", "Laia",
        "Mireia", "Montse", "Iker", "Aitor", "Unai", "Ainhoa", "Amaia", "Itziar", "Leire", "Miren",
        "Xabier", "Iñaki", "Iñigo", "Eneko", "Asier", "João", "Joana", "Paulo", "Rui", "Nuno",
        "Tiago", "Gonçalo", "Diogo", "Duarte", "Sérgio", "Vítor", "Hélder", "Filipe", "Luís",
        "Afonso", "Martim", "Francisca", "Leonor", "Matilde", "Inês", "Rita", "Catarina", "Sofia",
        "Margarida", "Graça", "Conceição", "Fátima", "Lúcia", "Luana", "Thiago", "Matheus",
        "Guilherme", "Leonardo", "Vinícius", "Caio", "Enzo", "Davi", "Heitor", "Bernardo", "Camila",
        "Larissa", "Letícia", "Juliana", "Bianca", "Bruna", "Débora", "Eduarda", "Giovanna",
        "Isabela", "Lívia", "Luiza", "Renata", "Tatiana", "Valentina", "Thaís", "Aline", "Priscila",
        "Cláudia", "Márcia", "Rosângela", "Antônio", "Raimundo", "Sebastião", "Marcos",
    ],
    // Italian.
    &[
        "Alessandra", "Alessandro", "Alessio", "Angelo", "Antonella", "Arianna", "Benedetta",
        "Carlo", "Caterina", "Chiara", "Claudio", "Daniele", "Davide", "Domenico", "Donatella",
        "Edoardo", "Eleonora", "Elisa", "Emanuele", "Enrico", "Fabio", "Federica", "Filippo",
        "Francesca", "Francesco", "Franco", "Gaetano", "Giacomo", "Gianluca", "Gianni", "Giorgia",
        "Giorgio", "Giovanni", "Giulia", "Giulio", "Giuseppe", "Giuseppina", "Graziella", "Ilaria",
        "Lorenzo", "Lucia", "Luciano", "Luigi", "Margherita", "Massimo", "Matteo", "Mattia",
        "Maurizio", "Michela", "Michele", "Mirko", "Nicoletta", "Paola", "Paolo", "Pietro",
        "Raffaele", "Riccardo", "Roberta", "Rosanna", "Salvatore", "Serena", "Simona", "Stefania",
        "Stefano", "Tommaso", "Valerio", "Vincenzo", "Vittoria", "Vittorio", "Aldo", "Cesare",
        "Dario", "Ettore", "Fabrizio", "Gino", "Guido", "Ivo", "Lia", "Lidia", "Loredana", "Marisa",
        "Mauro", "Nadia", "Ornella", "Patrizia", "Piero", "Pierluigi", "Renato", "Renzo", "Sandro",
        "Sabrina", "Tiziana", "Umberto", "Ugo",
    ],
    // Dutch, Flemish.
    &[
        "Anouk", "Bart", "Bas", "Bram", "Daan", "Eline", "Femke", "Fleur", "Frits", "Gerrit",
        "Gijs", "Hendrik", "Henk", "Jaap", "Janneke", "Jeroen", "Joost", "Joris", "Kees", "Koen",
        "Lieke", "Lotte", "Luuk", "Maarten", "Marieke", "Marloes", "Martijn", "Maud", "Merel",
        "Niels", "Noor", "Pieter", "Remco", "Rik", "Roel", "Roos", "Ruud", "Saskia", "Sanne", "Sem",
        "Sjoerd", "Stijn", "Thijs", "Tom", "Wim", "Wouter", "Willem", "Annelies", "Anneke", "Mieke",
        "Hanneke", "Inge", "Karlijn", "Marjolein", "Nienke", "Renske", "Tessa", "Jelle", "Jesse",
        "Milan", "Ruben", "Tijn", "Hidde", "Mees", "Fenna", "Sietske", "Geert", "Cor", "Piet",
        "Klaas", "Jochem", "Ewout", "Gert", "Wilco", "Wietse", "Dries", "Katrien", "Liesbeth",
        "Griet", "Wannes", "Arne", "Veerle", "Tine", "Sofie", "Nele",
    ],
    // Nordic.
    &[
        "Anders", "Anette", "Astrid", "Birgitta", "Bjørn", "Camilla", "Dag", "Einar", "Elin",
        "Erik", "Frida", "Gunnar", "Gustav", "Helena", "Johan", "Kari", "Kasper", "Kjell",
        "Kristian", "Kristin", "Lasse", "Leif", "Linnea", "Magnus", "Maja", "Malin", "Mats",
        "Mette", "Mikael", "Mikkel", "Morten", "Oskar", "Ola", "Pernille", "Rasmus", "Rune",
        "Sanna", "Sigrid", "Solveig", "Stig", "Sune", "Søren", "Tove", "Trine", "Trond", "Ulf",
        "Ulla", "Viktor", "Åsa", "Ebba", "Alva", "Elsa", "Klara", "Tuva", "Wilma", "Selma", "Vera",
        "Agnes", "Ingeborg", "Sigurd", "Torbjørn", "Øystein", "Ørjan", "Ingvild", "Kristoffer",
        "Sindre", "Eirik", "Håkon", "Espen", "Vegard", "Geir", "Knut", "Terje", "Aino", "Aleksi",
        "Antti", "Eero", "Eino", "Elina", "Heikki", "Helmi", "Ilkka", "Jari", "Jukka", "Juha",
        "Jussi", "Kaisa", "Katja", "Lauri", "Leena", "Liisa", "Markku", "Matti", "Mikko", "Minna",
        "Niina", "Noora", "Olli", "Paavo", "Pekka", "Petri", "Pirjo", "Riikka", "Sari", "Satu",
        "Seppo", "Sini", "Tuomas", "Tuula", "Veera", "Ville", "Jón", "Guðrún", "Sigríður",
        "Kristín", "Ólafur", "Sigurður", "Björk",
    ],
    // Polish, Czech, Slovak, Slovene, Croatian, Serbian, Bulgarian, Romanian, Hungarian, Baltic.
    &[
        "Agnieszka", "Aleksander", "Aleksandra", "Andrzej", "Bartłomiej", "Bartosz", "Beata",
        "Bogdan", "Bożena", "Czesław", "Dariusz", "Dawid", "Dominika", "Dorota", "Edyta",
        "Elżbieta", "Ewa", "Ewelina", "Filip", "Grażyna", "Grzegorz", "Halina", "Iwona", "Izabela",
        "Jacek", "Jadwiga", "Jakub", "Janina", "Janusz", "Jarosław", "Jerzy", "Jolanta", "Józef",
        "Justyna", "Kamil", "Kamila", "Karol", "Karolina", "Katarzyna", "Kazimierz", "Klaudia",
        "Krystyna", "Krzysztof", "Leszek", "Łukasz", "Maciej", "Małgorzata", "Marcin", "Marek",
        "Mariusz", "Mateusz", "Michał", "Mirosław", "Oliwia", "Patryk", "Paweł", "Piotr",
        "Przemysław", "Radosław", "Rafał", "Ryszard", "Sławomir", "Stanisław", "Szymon", "Tadeusz",
        "Tomasz", "Urszula", "Wiesław", "Wiktor", "Wiktoria", "Witold", "Władysław", "Wojciech",
        "Zbigniew", "Zofia", "Zuzanna", "Adrianna", "Weronika", "Igor", "Miłosz", "Antoni",
        "Ignacy", "Jiří", "Petr", "Pavel", "Jaroslav", "Tomáš", "Miroslav", "František", "Zdeněk",
        "Václav", "Michal", "Karel", "Vladimír", "Lukáš", "Ondřej", "Radek", "Hana", "Lenka",
        "Kateřina", "Věra", "Alena", "Jaroslava", "Tereza", "Michaela", "Jitka", "Zuzana",
        "Markéta", "Barbora", "Kristýna", "Klára", "Adéla", "Eliška", "Ľubomír", "Juraj", "Ján",
        "Jozef", "Štefan", "Ladislav", "Ľudmila", "Mária", "Katarína", "Žofia", "Zdenka", "Matej",
        "Rok", "Luka", "Nejc", "Žiga", "Tjaša", "Špela", "Urška", "Nika", "Ivan", "Ivana", "Marko",
        "Petar", "Nikola", "Stjepan", "Tomislav", "Dragan", "Goran", "Zoran", "Milica", "Jelena",
        "Snežana", "Dragana", "Nenad", "Aleksandar", "Dejan", "Bojan", "Vesna", "Mirjana",
        "Biljana", "Georgi", "Dimitar", "Ivanka", "Radka", "Nikolay", "Stoyan", "Todor", "Andrei",
        "Alexandru", "Mihai", "Ionuț", "Gheorghe", "Vasile", "Constantin", "Florin", "Ioana",
        "Mihaela", "Andreea", "Raluca", "Alina", "Oana", "Irina", "Ştefan", "Răzvan", "Sorin",
        "Laurențiu", "Viorel", "Dorin", "Cosmin", "Ovidiu", "László", "István", "József", "János",
        "Zoltán", "Sándor", "Gábor", "Ferenc", "Attila", "Péter", "Tamás", "Zsolt", "Tibor",
        "Csaba", "Balázs", "Gergely", "Dániel", "Ádám", "Bence", "Máté", "Levente", "Erzsébet",
        "Katalin", "Ilona", "Éva", "Zsuzsanna", "Anikó", "Krisztina", "Ildikó", "Judit", "Eszter",
        "Réka", "Zsófia", "Dóra", "Noémi", "Orsolya", "Tünde", "Jānis", "Andris", "Ilze", "Inese",
        "Līga", "Kristīne", "Ieva", "Agnė", "Tomas", "Mantas", "Rūta", "Jurgita", "Tõnu", "Kadri",
        "Triin", "Kristjan",
    ],
    // Russian, Ukrainian, Belarusian (romanised).
    &[
        "Aleksandr", "Alexei", "Alexey", "Alyona", "Anastasia", "Anastasiya", "Andrey", "Arkady",
        "Artem", "Artyom", "Boris", "Daria", "Darya", "Dmitri", "Dmitry", "Ekaterina", "Evgeny",
        "Evgenia", "Fyodor", "Galina", "Gennady", "Grigory", "Ilya", "Inna", "Kirill", "Konstantin",
        "Ksenia", "Larisa", "Leonid", "Lyudmila", "Maksim", "Maxim", "Mikhail", "Nadezhda",
        "Natalya", "Nikita", "Nikolai", "Oleg", "Olga", "Polina", "Ruslan", "Sergei", "Sergey",
        "Svetlana", "Tatyana", "Vadim", "Valery", "Vasily", "Viktoria", "Vladimir", "Vladislav",
        "Vyacheslav", "Yaroslav", "Yekaterina", "Yelena", "Yevgeny", "Yulia", "Yuri", "Yury",
        "Zhanna", "Oksana", "Olena", "Oleksandr", "Oleksiy", "Mykola", "Mykhailo", "Bohdan",
        "Taras", "Volodymyr", "Yuliia", "Iryna", "Halyna", "Kateryna", "Andriy", "Dmytro", "Serhiy",
        "Vitaliy", "Yevhen",
    ],
    // Greek, Turkish, Armenian, Georgian.
    &[
        "Alexandros", "Anastasios", "Angeliki", "Athanasios", "Christos", "Dimitrios", "Dimitris",
        "Eleni", "Evangelos", "Georgios", "Giorgos", "Ioannis", "Katerina", "Konstantinos",
        "Kostas", "Nikolaos", "Nikos", "Panagiotis", "Spyros", "Stavros", "Theodoros", "Vasiliki",
        "Vasilis", "Yiannis", "Eirini", "Despina", "Chrysa", "Ahmet", "Ali", "Ayşe", "Aylin",
        "Barış", "Burak", "Cem", "Deniz", "Derya", "Ebru", "Ece", "Elif", "Emine", "Emre", "Erkan",
        "Esra", "Fatma", "Gökhan", "Hakan", "Hatice", "Hülya", "Kemal", "Mehmet", "Melek", "Merve",
        "Murat", "Mustafa", "Necla", "Nur", "Onur", "Özge", "Özlem", "Selin", "Serkan", "Sevgi",
        "Şule", "Tolga", "Tuğba", "Uğur", "Volkan", "Yasemin", "Yusuf", "Zeynep", "Çağla", "Gül",
        "Gülşen", "Ömer", "Arda", "Berk", "Efe", "Kerem", "Mert", "Oğuz", "Aram", "Anahit", "Armen",
        "Gohar", "Hovhannes", "Narek", "Tigran", "Davit", "Giorgi", "Levan", "Nino", "Tamar",
        "Irakli",
    ],
    // Arabic, Persian, Hebrew (romanised).
    &[
        "Abdullah", "Abdul", "Ahmad", "Ahmed", "Aisha", "Amina", "Amir", "Amira", "Anwar", "Ayman",
        "Bilal", "Dalia", "Farah", "Farid", "Fatima", "Hamza", "Hani", "Hassan", "Hussein",
        "Ibrahim", "Imran", "Karim", "Khalid", "Layla", "Leila", "Mahmoud", "Mariam", "Maryam",
        "Mohamed", "Mohammad", "Muhammad", "Nabil", "Nour", "Omar", "Rami", "Rania", "Reem",
        "Salma", "Samir", "Sami", "Tariq", "Walid", "Yasmin", "Yasmine", "Youssef", "Yousef",
        "Zainab", "Zaid", "Ziad", "Hamid", "Rashid", "Faisal", "Saeed", "Nasser", "Majid", "Adel",
        "Tarek", "Hisham", "Osama", "Waleed", "Khadija", "Soraya", "Latifa", "Noura", "Hiba",
        "Rana", "Mona", "Dina", "Reza", "Ali-Reza", "Mehdi", "Hossein", "Parisa", "Shirin", "Arash",
        "Babak", "Dariush", "Farhad", "Kaveh", "Navid", "Neda", "Nima", "Omid", "Roya", "Sanaz",
        "Yasaman", "Avi", "Ariel", "Yael", "Noa", "Shira", "Moshe", "Yosef", "Yitzhak", "Eitan",
        "Itai", "Oren", "Dov", "Eli", "Ronit", "Tali", "Tomer", "Yoav", "Noam", "Amit", "Gal",
        "Shai", "Ido", "Inbar", "Hila", "Shlomo", "Chaim", "Menachem",
    ],
    // South Asian.
    &[
        "Aarav", "Aditi", "Aditya", "Ajay", "Akash", "Anand", "Anil", "Anjali", "Ankit", "Anusha",
        "Arjun", "Arun", "Ashok", "Deepa", "Deepak", "Divya", "Gaurav", "Geeta", "Gita", "Harish",
        "Jaya", "Kavita", "Kiran", "Krishna", "Lakshmi", "Manish", "Manoj", "Meena", "Mohan",
        "Nandini", "Neha", "Nikhil", "Nisha", "Pooja", "Prakash", "Pradeep", "Pranav", "Prasad",
        "Preeti", "Priya", "Rahul", "Raj", "Rajesh", "Rajiv", "Rakesh", "Ramesh", "Ravi", "Rekha",
        "Rohan", "Rohit", "Sachin", "Sandeep", "Sanjay", "Sanjeev", "Santosh", "Sarita", "Shalini",
        "Shankar", "Sharmila", "Shreya", "Shweta", "Sita", "Sneha", "Sonia", "Srinivas", "Sudha",
        "Sunil", "Sunita", "Suresh", "Swati", "Tanvi", "Uma", "Usha", "Varun", "Vijay", "Vikram",
        "Vinod", "Vishal", "Vivek", "Yash", "Aishwarya", "Ananya", "Bhavna", "Chetan", "Dinesh",
        "Ganesh", "Girish", "Hemant", "Ishaan", "Jatin", "Kamal", "Kunal", "Lalit", "Madhu",
        "Mahesh", "Mukesh", "Naveen", "Nitin", "Pankaj", "Parth", "Radhika", "Rajendra", "Ritu",
        "Sameer", "Sapna", "Shilpa", "Siddharth", "Smita", "Subhash", "Sumit", "Tarun", "Vandana",
        "Venkatesh", "Vidya", "Yogesh", "Gurpreet", "Harpreet", "Manpreet", "Jaspreet", "Simran",
        "Navjot", "Baljit", "Amrit", "Kulwinder", "Asif", "Farhan", "Irfan", "Junaid", "Kashif",
        "Nadeem", "Saad", "Salman", "Shahid", "Usman", "Waqar", "Zubair", "Sana", "Saima", "Rabia",
        "Nazia", "Farzana", "Tahmina", "Rahim", "Nasrin", "Rubina", "Sadia", "Tanvir", "Arif",
        "Dilip", "Sujata", "Anirban", "Debashis", "Sourav", "Subrata", "Tanmoy", "Kalpana",
        "Malini", "Padma", "Revathi", "Saranya", "Senthil", "Karthik", "Balaji", "Vignesh",
        "Dharani", "Priyanka", "Kavya", "Lavanya", "Meenakshi",
    ],
    // East and Southeast Asian (romanised).
    &[
        "Hiroshi", "Takashi", "Takeshi", "Kenji", "Kenta", "Kazuki", "Yuki", "Yuko", "Yoko",
        "Keiko", "Akiko", "Naoko", "Tomoko", "Haruka", "Haruto", "Hiroki", "Hiroko", "Kaito",
        "Kazuo", "Kaori", "Kumiko", "Mayumi", "Megumi", "Michiko", "Minoru", "Naoki", "Noriko",
        "Osamu", "Ren", "Riku", "Sakura", "Satoshi", "Shota", "Sota", "Taro", "Tetsuya", "Tomoya",
        "Yamato", "Yui", "Yuto", "Yutaka", "Akira", "Daisuke", "Emi", "Eri", "Hanako", "Hinata",
        "Ichiro", "Jiro", "Junko", "Kyoko", "Makoto", "Masahiro", "Masako", "Miho", "Misaki",
        "Nanami", "Rin", "Ryo", "Ryota", "Shinji", "Takumi", "Tatsuya", "Tsubasa", "Yusuke", "Aiko",
        "Ayumi", "Chihiro", "Fumiko", "Kanako", "Kenichi", "Koji", "Mariko", "Natsuki", "Reiko",
        "Sachiko", "Shiori", "Sayaka", "Yumiko", "Mitsuki", "Minji", "Jiwoo", "Seojun", "Jisoo",
        "Jihoon", "Minho", "Hyun", "Seungho", "Sooyoung", "Eunji", "Hyejin", "Jiyeon", "Yuna",
        "Soojin", "Dongha", "Taeyang", "Jaehyun", "Junho", "Wei", "Jing", "Ying", "Xiaoming",
        "Xiaoli", "Xiaohong", "Yan", "Hui", "Lei", "Jun", "Qiang", "Ling", "Yun", "Jie", "Xin",
        "Hao", "Feng", "Hua", "Jian", "Mei", "Ning", "Qing", "Shan", "Ting", "Wen", "Xia", "Zhen",
        "Zhi", "Zhiwei", "Zihan", "Yuxuan", "Haoran", "Yichen", "Jiahui", "Xinyi", "Shu", "Minh",
        "Anh", "Thanh", "Huong", "Linh", "Hoa", "Trang", "Duc", "Tuan", "Quang", "Hieu", "Phuong",
        "Thuy", "Nhung", "Somchai", "Somsak", "Siriporn", "Nattapong", "Kittisak", "Pim", "Arief",
        "Budi", "Dewi", "Putri", "Agus", "Rizky", "Fitri", "Wahyu", "Ayu", "Indah", "Siti", "Nurul",
        "Aziz", "Hafiz", "Mohd", "Jose", "Rhea",
    ],
    // African.
    &[
        "Abebe", "Abena", "Adaeze", "Adebayo", "Adewale", "Ama", "Amara", "Chidi", "Chidinma",
        "Chinedu", "Chinonso", "Chioma", "Chukwuemeka", "Emeka", "Efua", "Femi", "Folake",
        "Funmilayo", "Ifeoma", "Ikechukwu", "Kemi", "Kofi", "Kwabena", "Kwame", "Kwesi", "Ngozi",
        "Nkechi", "Nnamdi", "Obinna", "Olumide", "Oluwaseun", "Seun", "Tunde", "Uchenna", "Yaw",
        "Yetunde", "Babajide", "Bukola", "Damilola", "Kehinde", "Taiwo", "Tendai", "Tatenda",
        "Thabo", "Thandiwe", "Themba", "Sipho", "Lerato", "Nomvula", "Zanele", "Bongani", "Lwazi",
        "Nandi", "Palesa", "Kagiso", "Naledi", "Tumelo", "Wanjiru", "Wanjiku", "Njeri", "Achieng",
        "Akinyi", "Wambui", "Baraka", "Neema", "Amani", "Juma", "Zawadi", "Fatou", "Mamadou",
        "Moussa", "Awa", "Aminata", "Ibrahima", "Ousmane", "Aïssatou", "Cheikh", "Abdoulaye",
        "Oumar", "Mariama", "Kadiatou", "Binta", "Seydou", "Tekle", "Dawit", "Hiwot",
        "Meron", "Tigist", "Yonas", "Eyerusalem", "Mulugeta",
    ],
    // English short forms and more.
    &[
        "Nancy", "Ken", "Jim", "Joe", "Sam", "Dan", "Jon", "Mike", "Dave", "Steve", "Chris", "Matt",
        "Tony", "Pete", "Jack", "Harry", "Jess", "Kate", "Katy", "Liz", "Meg", "Sally", "Jane",
        "Jill", "Judy", "Kathy", "Mandy", "Nina", "Tina", "Vicky", "Zara", "Maya", "Freya", "Poppy",
        "Evie", "Millie", "Rosie", "Darcy", "Harper", "Scarlett", "Nora", "Stella", "Esme",
        "Matilda", "Martha", "Edith", "Mabel", "Maisie", "Elsie", "Teddy", "Reggie", "Ronnie",
        "Stevie", "Barney", "Ollie", "Theo", "Jude", "Rory", "Ezra", "Asher", "Arlo", "Finley",
        "Reuben", "Louie", "Albie", "Elliot", "Elliott", "Harley", "Jenson", "Kian", "Zac", "Zach",
        "Zack", "Seth", "Greg", "Phil", "Bob", "Rick", "Ricky", "Terry", "Jerry", "Larry", "Harold",
        "Herbert", "Hugh", "Jeff", "Jerome", "Joel", "Josh", "Kyle", "Lewis", "Mick", "Mitchell",
        "Neville", "Percy", "Ralph", "Reginald", "Roy", "Rupert", "Sidney", "Spencer", "Stewart",
        "Ted", "Terence", "Vernon", "Victor", "Warren", "Wesley",
    ],
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::values::{is_name_word, is_not_name};

    #[test]
    fn every_given_name_reads_as_a_name_and_is_listed_once() {
        let mut seen = std::collections::HashSet::new();
        let unread: Vec<&str> = GIVEN_NAMES
            .iter()
            .flat_map(|g| g.iter().copied())
            .filter(|name| !is_name_word(name) || is_not_name(name))
            .collect();
        assert!(unread.is_empty(), "words no name is: {unread:?}");
        for name in GIVEN_NAMES.iter().flat_map(|g| g.iter()) {
            assert!(seen.insert(name), "{name} twice");
        }
        assert!(is_given_name("Siobhán") && is_given_name("Jean-Pierre"));
        assert!(!is_given_name("Mark") && !is_given_name("siobhán"));
    }
}
