#!/usr/bin/env python3
"""Independent generator of labelled SophMate support evidence, grouped in families.

    python3 generate.py --out DIR --seed S --files N

Writes N evidence files and DIR/labels.json in the format of
/work/shared/redaction-corpus (format 1, probe length 12), plus a per-file
"family" key that score.py ignores.  Standard library only.

This generator was written without reading the redaction engine (src/) or the
held-out generator; every value is drawn here from the pools below and every
layout is built here.  The storage formats follow the real WordPress /
WooCommerce table definitions:

  * wp_users, wp_usermeta, wp_postmeta, wp_comments: WordPress/wordpress-develop
    src/wp-admin/includes/schema.php @ 01501ab4787d053da5eb1425696ec3363d3adf4c
  * wc_orders, wc_order_addresses: woocommerce/woocommerce
    plugins/woocommerce/src/Internal/DataStores/Orders/OrdersTableDataStore.php
    (get_database_schema) @ 000233cc9f474bf75440ea306801f663f40b90e2
  * wc_customer_lookup: woocommerce/woocommerce
    plugins/woocommerce/includes/class-wc-install.php (get_schema)
    @ 0129f1922d587d3adbf2e0987dd50d198adb6643 (14 columns, with billing_phone
    and shipping_phone); older releases have the first 12 columns only, both
    shapes are generated.

Every file is self-checked before it is written (see check_doc): each label
sits verbatim in the file, no keep value overlaps a remove value, short remove
values never sit inside a longer word, no neutral span (admin e-mail, store
address, server IPs, staff names) contains a remove value, and replacing
exactly the remove values with a marker catches every remove value under the
score.py rule while keeping every keep value.  A file that fails is rebuilt
with the next attempt number.
"""
import argparse
import base64
import json
import os
import random
import re
import string
import sys
import unicodedata
import uuid

PROBE = 12
CATEGORIES = ['provider_key', 'credential', 'payment', 'customer']
KEEP_CAP = 12   # at most this many keep labels per kind per file, like the dev corpus

ALNUM = string.ascii_letters + string.digits
LOWER_ALNUM = string.ascii_lowercase + string.digits
UPPER_ALNUM = string.ascii_uppercase + string.digits
HEX = '0123456789abcdef'
B64URL = ALNUM + '-_'
B64 = ALNUM + '+/'
CRYPT64 = './' + string.digits + string.ascii_uppercase + string.ascii_lowercase


def rs(rng, n, alphabet=ALNUM):
    return ''.join(rng.choice(alphabet) for _ in range(n))


def rd(rng, n):
    return ''.join(rng.choice(string.digits) for _ in range(n))


def rd1(rng, n):
    """n digits, the first not zero."""
    return rng.choice('123456789') + rd(rng, n - 1)


_FOLD = {'ß': 'ss', 'ø': 'o', 'Ø': 'O', 'æ': 'ae', 'Æ': 'AE', 'ł': 'l', 'Ł': 'L', 'ı': 'i', 'đ': 'd',
         'ð': 'd', 'þ': 'th', 'œ': 'oe', 'Œ': 'OE', 'İ': 'I'}


def fold(s):
    s = ''.join(_FOLD.get(c, c) for c in s)
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c))


def slug(s):
    return re.sub(r'[^a-z0-9]+', '-', fold(s).lower()).strip('-')


def json_str(s, ascii_only=False, slashes=False):
    """The body of a JSON string literal (no quotes), like json_encode / wp_json_encode."""
    out = json.dumps(s, ensure_ascii=ascii_only)[1:-1]
    if slashes:
        out = out.replace('/', '\\/')
    return out


def sql_str(s):
    """Body of a MySQL single-quoted string as mysqldump writes it."""
    return s.replace('\\', '\\\\').replace("'", "\\'").replace('"', '\\"')


def html_attr(s):
    """esc_attr(): WordPress encodes & < > " ' in attribute values."""
    return (s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
            .replace('"', '&quot;').replace("'", '&#039;'))


def xml_text(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def php_ser(v):
    """PHP serialize() for str / int / dict / list."""
    if isinstance(v, bool):
        return 'b:%d;' % int(v)
    if isinstance(v, int):
        return 'i:%d;' % v
    if isinstance(v, str):
        return 's:%d:"%s";' % (len(v.encode('utf-8')), v)
    if isinstance(v, list):
        v = dict(enumerate(v))
    if isinstance(v, dict):
        return 'a:%d:{%s}' % (len(v), ''.join(php_ser(k) + php_ser(x) for k, x in v.items()))
    raise TypeError(v)


# --------------------------------------------------------------------------------------------
# People.  Each locale: given names, surnames (some with particles / multi-part), countries.
# --------------------------------------------------------------------------------------------

LOCALES = {
    'en': dict(
        first=['Oliver', 'Amelia', 'Harriet', 'Callum', 'Imogen', 'Rhys', 'Siobhan', 'Declan', 'Niamh', 'Eleanor',
               'Theodore', 'Beatrice', 'Rupert', 'Gwendolyn', 'Alistair', 'Fiona', 'Brandon', 'Kayla', 'Tyler',
               'Madison', 'Jasmine', 'Darnell', 'Shannon', 'Leighton', 'Rosalind', 'Ciaran', 'Aoife', 'Ewan',
               'Isla', 'Hamish', 'Tabitha', 'Cormac', 'Philippa', 'Jolene', 'Marcus', 'Keira'],
        last=["O'Brien", "O'Sullivan", 'McAllister', 'MacLeod', 'Fitzgerald', 'Whitfield', 'Thornbury', 'Ashworth',
              'Pemberton', 'Featherstone', 'Hargreaves', 'Blackwood', 'Donnelly', 'Gallagher', 'Rutherford',
              'Llewellyn', 'Abernathy', 'Quigley', 'Summerhayes', 'Carmichael', 'Winterbottom', 'Underhill',
              'Fairweather', 'Hollingsworth', 'Cavendish', 'Prendergast', "O'Connell", 'McTavish', 'Ainsworth',
              'Braithwaite', 'Kavanagh', 'Pennington'],
        double=0.15, countries=['GB', 'GB', 'US', 'US', 'IE', 'AU']),
    'de': dict(
        first=['Jürgen', 'Jörg', 'Sönke', 'Henrike', 'Wiebke', 'Lena', 'Maximilian', 'Friederike', 'Till', 'Janne',
               'Anneliese', 'Björn', 'Ulrike', 'Matthias', 'Katharina', 'Dörte', 'Götz', 'Malte', 'Svenja',
               'Hannelore', 'Lukas', 'Annika', 'Hans-Peter', 'Karl-Heinz', 'Kerstin', 'Thorsten', 'Gudrun',
               'Birgit', 'Rüdiger', 'Waltraud'],
        last=['Müller', 'Schäfer', 'Weißenberger', 'Bachmann', 'Köhler', 'Großmann', 'Hoffmann', 'Schröder',
              'Krüger', 'Vogelsang', 'Zimmermann', 'Brückner', 'Eichhorn', 'Dreßler', 'Hütter', 'Lindemann',
              'Scholz', 'Böttcher', 'Kühn', 'Rößler', 'Stöckl', 'Oberhäuser', 'Jäger', 'Baumgärtner',
              'von Bülow', 'von der Heyde', 'Hohenstein'],
        compose=(['Linden', 'Eichen', 'Birken', 'Rosen', 'Stein', 'Wald', 'Brunn', 'Hage', 'Kessel', 'Mühl'],
                 ['mann', 'berger', 'bauer', 'meier', 'hofer', 'thaler', 'felder', 'schmidt']),
        double=0.12, countries=['DE', 'DE', 'AT', 'CH']),
    'fr': dict(
        first=['Camille', 'Hélène', 'Éloïse', 'Théo', 'Gaëlle', 'Jean-Luc', 'Marie-Claire', 'Benoît', 'Océane',
               'Clément', 'Anaïs', 'Loïc', 'Maëlle', 'Aurélien', 'Solène', 'François', 'Cécile', 'Jérôme',
               'Noémie', 'Grégoire', 'Baptiste', 'Sébastien', 'Mathilde', 'Yannick', 'Ghislaine'],
        last=['Lefèvre', 'Dubois', 'Moreau', 'Girard', 'Rousseau', 'Fontaine', 'Chevalier', 'Bérenger',
              'Lemaître', 'Faure', 'Marchand', 'Gauthier', 'Lacroix', 'Duval', 'Mercier', 'Brunet', 'Perrin',
              'Beaumont', 'Delorme', 'de la Fontaine', 'Le Gall', 'de Villiers', 'du Pont', "d'Aubigné",
              'Vasseur', 'Kerjean'],
        double=0.12, countries=['FR', 'FR', 'BE']),
    'nl': dict(
        first=['Sanne', 'Daan', 'Joost', 'Marieke', 'Bram', 'Femke', 'Thijs', 'Lotte', 'Sjoerd', 'Anouk', 'Wouter',
               'Ilse', 'Jeroen', 'Maartje', 'Ruben', 'Eline', 'Pieter', 'Gijs', 'Jasper', 'Roosmarijn', 'Hendrika',
               'Jonas'],
        last=['van der Berg', 'de Vries', 'van den Heuvel', 'van Dijk', 'de Jong', 'Bakker', 'Visser', 'Meijer',
              'de Boer', 'Mulder', 'van Leeuwen', 'Dekker', 'van der Linden', 'Kuipers', 'Hendriks', 'Verhoeven',
              "van 't Hof", 'Groenewegen', 'ter Haar', 'Achterberg', 'Schouten', 'IJzerman', 'van Buuren'],
        compose=(['Berg', 'Veld', 'Dijk', 'Hoek', 'Brink', 'Beek', 'Bosch', 'Kamp', 'Molen', 'Wiel'],
                 ['', 'huis', 'man', 'stra', 'ink', 'kes']),
        particles=['van', 'van der', 'van den', 'de', 'ter', 'van de'],
        double=0.0, countries=['NL', 'NL', 'BE']),
    'es': dict(
        first=['María José', 'Alejandro', 'Lucía', 'Javier', 'Nuria', 'Íñigo', 'Ainhoa', 'Sergio', 'Begoña', 'Pilar',
               'Álvaro', 'Rocío', 'Marta', 'Joaquín', 'Inmaculada', 'Gonzalo', 'Carmen', 'Raúl', 'Itziar', 'Adrián',
               'Paloma', 'Juan Carlos'],
        last=['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Jiménez', 'Navarro',
              'Domínguez', 'Vázquez', 'Castellanos', 'Iglesias', 'Ortega', 'Delgado', 'Echeverría', 'Gutiérrez',
              'Santamaría', 'de la Cruz', 'del Río', 'Zubiaurre', 'Arrieta'],
        double=0.75, double_sep=' ', countries=['ES', 'ES', 'ES']),
    'it': dict(
        first=['Giulia', 'Lorenzo', 'Francesca', 'Matteo', 'Chiara', 'Alessandro', 'Federica', 'Niccolò', 'Gianluca',
               'Martina', 'Davide', 'Ilaria', 'Tommaso', 'Valentina', 'Riccardo', 'Pierpaolo', 'Elisa', 'Gabriele',
               'Ludovica', 'Ottavio'],
        last=['Bianchi', 'Rossi', 'Esposito', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Conti', 'De Luca',
              "D'Angelo", 'Mancini', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana', 'Santoro', 'Caruso', 'Ferrara',
              'Di Stefano', 'Lo Russo', "Dell'Acqua", 'Pellegrini', 'Quaranta'],
        double=0.0, countries=['IT', 'IT']),
    'pt': dict(
        first=['João', 'Ana', 'Mariana', 'Thiago', 'Gabriela', 'Luís', 'Beatriz', 'Rodrigo', 'Fernanda', 'Gonçalo',
               'Inês', 'Camila', 'Vinícius', 'Letícia', 'Matheus', 'Sebastião', 'Conceição', 'Júlia', 'André',
               'João Pedro', 'Maria Eduarda'],
        last=['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Ferreira', 'Costa', 'Rodrigues', 'Almeida',
              'Carvalho', 'Gonçalves', 'Araújo', 'Ribeiro', 'Nascimento', 'Barbosa', 'Magalhães', 'Cardoso',
              'da Silva', 'dos Santos', 'de Souza', 'da Conceição', 'Figueiredo'],
        double=0.6, double_sep=' ', countries=['BR', 'BR', 'PT']),
    'tr': dict(
        first=['Ayşe', 'Mehmet', 'Çağla', 'Emre', 'Zeynep', 'Burak', 'Elif', 'Oğuz', 'Gülşen', 'Kaan', 'Şeyma',
               'Tuğba', 'Ömer', 'İlker', 'Derya', 'Serkan', 'Büşra', 'Hakan', 'Melike', 'Barış'],
        last=['Yılmaz', 'Öztürk', 'Şahin', 'Çelik', 'Demir', 'Kaya', 'Arslan', 'Doğan', 'Kılıç', 'Aydın',
              'Özdemir', 'Koç', 'Kurt', 'Yıldız', 'Güneş', 'Aksoy', 'Çetin', 'Karakaya', 'Bozkurt', 'Kahraman'],
        double=0.0, countries=['TR']),
    'ja': dict(
        first=['Haruto', 'Yuki', 'Sakura', 'Hiroshi', 'Yuna', 'Takumi', 'Kenji', 'Daisuke', 'Haruka', 'Shōhei',
               'Ryōta', 'Misaki', 'Kaito', 'Nanami', 'Tsubasa', 'Akiko', 'Kōki', 'Emiko', 'Sōsuke'],
        last=['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Yoshida',
              'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Saitō', 'Ishikawa', 'Fujiwara',
              'Ōkubo', 'Hasegawa', 'Itō'],
        double=0.0, family_first=0.3, countries=['JP']),
    'in': dict(
        first=['Priya', 'Arjun', 'Lakshmi', 'Rohan', 'Ananya', 'Vikram', 'Deepika', 'Siddharth', 'Kavya', 'Aditya',
               'Meenakshi', 'Rahul', 'Sneha', 'Karthik', 'Pooja', 'Harpreet', 'Gurpreet', 'Sunita', 'Venkatesh',
               'Lakshmi Narayanan'],
        last=['Raghunathan', 'Venkataraman', 'Iyer', 'Sharma', 'Patel', 'Reddy', 'Nair', 'Chatterjee', 'Banerjee',
              'Krishnamurthy', 'Subramanian', 'Gupta', 'Mehta', 'Kulkarni', 'Deshpande', 'Singh', 'Menon',
              'Pillai', 'Bhattacharya', 'Agarwal'],
        double=0.0, countries=['IN']),
    'pl': dict(
        first=['Małgorzata', 'Krzysztof', 'Agnieszka', 'Wojciech', 'Katarzyna', 'Paweł', 'Zofia', 'Łukasz',
               'Joanna', 'Grzegorz', 'Magdalena', 'Michał', 'Tomasz', 'Jadwiga', 'Bartłomiej', 'Dorota',
               'Przemysław'],
        last=['Wiśniewska', 'Zieliński', 'Kowalczyk', 'Wójcik', 'Kamińska', 'Lewandowski', 'Dąbrowska',
              'Szymańska', 'Woźniak', 'Kozłowski', 'Jankowska', 'Krawczyk', 'Piotrowski', 'Grabowska',
              'Nowakowski', 'Pawlak', 'Michalska', 'Wróbel', 'Jabłoński', 'Brzęczyszczykiewicz'],
        double=0.1, countries=['PL']),
    'nordic': dict(
        first=['Åsa', 'Søren', 'Bjørn', 'Aino', 'Sigríður', 'Ingrid', 'Mikkel', 'Freja', 'Lasse', 'Eero',
               'Kristín', 'Henrik', 'Astrid', 'Jukka', 'Signe', 'Torbjörn', 'Linnéa', 'Päivi', 'Oddvar', 'Ragnhild'],
        last=['Lindqvist', 'Kjær', 'Håkonsen', 'Mäkinen', 'Johansson', 'Nyström', 'Sørensen', 'Virtanen',
              'Bergström', 'Østergaard', 'Halvorsen', 'Guðmundsdóttir', 'Åkesson', 'Korhonen', 'Dahlberg',
              'Sjöberg', 'Rasmussen', 'Heikkinen', 'Fjeldstad'],
        compose=(['Lind', 'Berg', 'Sjö', 'Ek', 'Dal', 'Ny', 'Holm', 'Al', 'Fors', 'Lund'],
                 ['qvist', 'ström', 'gren', 'berg', 'lund', 'dahl', 'sten', 'mark']),
        double=0.0, countries=['SE', 'NO', 'DK', 'FI']),
}
PARTICLES = {'van', 'der', 'den', 'de', 'la', 'du', 'da', 'dos', 'das', 'von', 'zu', 'del', 'di', 'lo', 'ter', "'t",
             'le', 'De', 'Di', 'Lo', 'Le', 'Del', 'e', 'y'}
# staff / store-owner names: neutral, disjoint from the customer pools
STAFF = ['Robin', 'Sasha', 'Jordan', 'Morgan', 'Quinn', 'Remy', 'Devon', 'Skyler', 'Ari', 'Noor']

COUNTRY_NAMES = {'GB': 'United Kingdom (UK)', 'US': 'United States (US)', 'IE': 'Ireland', 'AU': 'Australia',
                 'DE': 'Germany', 'AT': 'Austria', 'CH': 'Switzerland', 'FR': 'France', 'BE': 'Belgium',
                 'NL': 'Netherlands', 'ES': 'Spain', 'IT': 'Italy', 'BR': 'Brazil', 'PT': 'Portugal',
                 'TR': 'Türkiye', 'JP': 'Japan', 'IN': 'India', 'PL': 'Poland', 'SE': 'Sweden', 'NO': 'Norway',
                 'DK': 'Denmark', 'FI': 'Finland'}
DIAL = {'GB': '44', 'US': '1', 'IE': '353', 'AU': '61', 'DE': '49', 'AT': '43', 'CH': '41', 'FR': '33', 'BE': '32',
        'NL': '31', 'ES': '34', 'IT': '39', 'BR': '55', 'PT': '351', 'TR': '90', 'JP': '81', 'IN': '91', 'PL': '48',
        'SE': '46', 'NO': '47', 'DK': '45', 'FI': '358'}

CITIES = {
    'GB': [('London', 'SW1A', ''), ('Manchester', 'M1', ''), ('Leeds', 'LS1', ''), ('Bristol', 'BS1', ''),
           ('Edinburgh', 'EH1', ''), ('Cardiff', 'CF10', '')],
    'IE': [('Dublin', 'D02', 'Co. Dublin'), ('Cork', 'T12', 'Co. Cork'), ('Galway', 'H91', 'Co. Galway')],
    'US': [('Portland', '972', 'OR'), ('Austin', '787', 'TX'), ('Columbus', '432', 'OH'), ('Madison', '537', 'WI'),
           ('Savannah', '314', 'GA'), ('Tucson', '857', 'AZ')],
    'AU': [('Sydney', '2', 'NSW'), ('Melbourne', '3', 'VIC'), ('Brisbane', '4', 'QLD'), ('Perth', '6', 'WA')],
    'DE': [('Berlin', '10', ''), ('München', '80', ''), ('Hamburg', '20', ''), ('Köln', '50', ''),
           ('Leipzig', '04', ''), ('Freiburg im Breisgau', '79', '')],
    'AT': [('Wien', '1', ''), ('Graz', '8', ''), ('Linz', '4', '')],
    'CH': [('Zürich', '8', ''), ('Bern', '3', ''), ('Basel', '4', '')],
    'FR': [('Paris', '75', ''), ('Lyon', '69', ''), ('Marseille', '13', ''), ('Toulouse', '31', ''),
           ('Nantes', '44', '')],
    'BE': [('Bruxelles', '1', ''), ('Gent', '9', ''), ('Liège', '4', '')],
    'NL': [('Amsterdam', '10', ''), ('Utrecht', '35', ''), ('Rotterdam', '30', ''), ('Groningen', '97', ''),
           ('Den Haag', '25', '')],
    'ES': [('Madrid', '28', 'M'), ('Barcelona', '08', 'B'), ('Valencia', '46', 'V'), ('Sevilla', '41', 'SE'),
           ('Bilbao', '48', 'BI')],
    'IT': [('Milano', '201', 'MI'), ('Roma', '001', 'RM'), ('Torino', '101', 'TO'), ('Napoli', '801', 'NA'),
           ('Bologna', '401', 'BO')],
    'BR': [('São Paulo', '01', 'SP'), ('Rio de Janeiro', '22', 'RJ'), ('Belo Horizonte', '30', 'MG'),
           ('Curitiba', '80', 'PR'), ('Porto Alegre', '90', 'RS')],
    'PT': [('Lisboa', '1', ''), ('Porto', '4', ''), ('Braga', '4', '')],
    'TR': [('İstanbul', '34', 'TR34'), ('Ankara', '06', 'TR06'), ('İzmir', '35', 'TR35')],
    'JP': [('Shibuya-ku, Tokyo', '150', 'JP13'), ('Kita-ku, Osaka', '530', 'JP27'), ('Nakagyō-ku, Kyoto', '604', 'JP26')],
    'IN': [('Bengaluru', '560', 'KA'), ('Mumbai', '400', 'MH'), ('Chennai', '600', 'TN'), ('Pune', '411', 'MH')],
    'PL': [('Warszawa', '0', ''), ('Kraków', '3', ''), ('Gdańsk', '8', ''), ('Wrocław', '5', '')],
    'SE': [('Stockholm', '11', ''), ('Göteborg', '41', ''), ('Malmö', '21', '')],
    'NO': [('Oslo', '0', ''), ('Bergen', '50', ''), ('Trondheim', '70', '')],
    'DK': [('København', '1', ''), ('Aarhus', '80', ''), ('Odense', '50', '')],
    'FI': [('Helsinki', '00', ''), ('Tampere', '33', ''), ('Turku', '20', '')],
}

STREET_WORDS = {
    'en': ['Kingsley', 'Ashdown', 'Wellington', 'Larkspur', 'Hawthorn', 'Sycamore', 'Mulberry', 'Foxglove',
           'Chesterfield', 'Elmstead', 'Birchwood', 'Primrose', 'Alder', 'Juniper', 'Harrowgate'],
    'de': ['Linden', 'Kastanien', 'Goethe', 'Schiller', 'Rosen', 'Birken', 'Ahorn', 'Mozart', 'Bahnhof', 'Garten',
           'Wiesen', 'Tannen', 'Holunder'],
    'fr': ['des Lilas', 'Jean Jaurès', 'Victor Hugo', 'de la République', 'des Acacias', 'Pasteur',
           'du Général Leclerc', 'des Tilleuls', 'Émile Zola', 'de la Paix'],
    'nl': ['Keizers', 'Heren', 'Prinsen', 'Linden', 'Bloem', 'Kastanje', 'Wilgen', 'Berken', 'Tulp', 'Molen'],
    'es': ['Alcalá', 'Mayor', 'de la Princesa', 'del Carmen', 'de Goya', 'Sant Vicent', 'de Atocha', 'Serrano',
           'del Pilar'],
    'it': ['Garibaldi', 'Roma', 'Mazzini', 'Cavour', 'Dante', 'Verdi', 'dei Mille', 'Solferino', 'Manzoni'],
    'pt': ['das Flores', 'Augusta', 'Oscar Freire', 'dos Andradas', 'XV de Novembro', 'da Consolação',
           'Sete de Setembro', 'do Ouvidor'],
    'tr': ['Atatürk', 'İstiklal', 'Bağdat', 'Cumhuriyet', 'Gazi Mustafa Kemal', 'Menekşe', 'Lale', 'Papatya'],
    'ja': ['Jingūmae', 'Umeda', 'Ebisu', 'Sendagaya', 'Nakazaki', 'Karasuma', 'Tenjinbashi'],
    'in': ['Sai Residency', 'Prestige Lakeside', 'Green Glen', 'Sobha Daffodil', 'Brigade Gardenia',
           'Lodha Palava', 'Mahaveer Springs'],
    'pl': ['Marszałkowska', 'Długa', 'Piotrkowska', 'Mickiewicza', 'Słowackiego', 'Kościuszki', 'Floriańska'],
    'nordic': ['Stor', 'Drottning', 'Kongens', 'Strand', 'Skol', 'Kirke', 'Aleksanterin', 'Mannerheimin',
               'Vester', 'Norre'],
}

EMAIL_DOMAINS = {
    'en': ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'btinternet.com', 'icloud.com', 'hotmail.co.uk', 'eircom.net',
           'bigpond.com', 'proton.me'],
    'de': ['web.de', 'gmx.de', 't-online.de', 'posteo.de', 'gmx.at', 'bluewin.ch', 'mailbox.org'],
    'fr': ['orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'wanadoo.fr', 'skynet.be'],
    'nl': ['ziggo.nl', 'kpnmail.nl', 'xs4all.nl', 'hetnet.nl', 'telenet.be', 'planet.nl'],
    'es': ['hotmail.es', 'telefonica.net', 'yahoo.es', 'gmail.com'],
    'it': ['libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'gmail.com'],
    'pt': ['uol.com.br', 'bol.com.br', 'terra.com.br', 'sapo.pt', 'gmail.com'],
    'tr': ['yandex.com.tr', 'hotmail.com.tr', 'gmail.com', 'mynet.com'],
    'ja': ['yahoo.co.jp', 'docomo.ne.jp', 'ezweb.ne.jp', 'nifty.com', 'gmail.com'],
    'in': ['rediffmail.com', 'gmail.com', 'yahoo.co.in', 'outlook.in'],
    'pl': ['wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'gmail.com'],
    'nordic': ['telia.com', 'online.no', 'live.se', 'hotmail.dk', 'elisanet.fi', 'proton.me'],
}
COMPANY_WORDS = ['Nordlicht', 'Papillon', 'Zeitgeist', 'Aurora', 'Kaleido', 'Solara', 'Tramonto', 'Brisa',
                 'Atelier Nove', 'Pixelwerk', 'Sakura Trading', 'Nimbus', 'Kolibri', 'Vento', 'Lumen']
COMPANY_SUFFIX = {'en': ['Ltd', 'LLC', 'Pty Ltd'], 'de': ['GmbH', 'UG', 'KG'], 'fr': ['SARL', 'SAS'],
                  'nl': ['B.V.', 'VOF'], 'es': ['S.L.', 'S.A.'], 'it': ['S.r.l.', 'S.p.A.'], 'pt': ['Ltda.', 'Lda.'],
                  'tr': ['Ltd. Şti.', 'A.Ş.'], 'ja': ['K.K.', 'G.K.'], 'in': ['Pvt Ltd'], 'pl': ['sp. z o.o.'],
                  'nordic': ['AB', 'AS', 'ApS', 'Oy']}


def rand_ipv4(rng):
    while True:
        a = rng.randint(2, 223)
        if a in (10, 127, 100, 169, 172, 192, 198, 203):
            continue
        return '%d.%d.%d.%d' % (a, rng.randint(0, 255), rng.randint(0, 255), rng.randint(1, 254))


def rand_ipv6(rng, form='compressed'):
    pre = rng.choice(['2a02', '2a01', '2001', '2600', '2603', '2804', '240d', '2a00', '2405', '2c0f', '2409'])
    groups = [pre] + ['%x' % rng.randint(0, 0xffff) for _ in range(7)]
    if form == 'full':
        return ':'.join(g.zfill(4) for g in groups)
    if form == 'zeros':   # a run of zero groups compressed to ::
        k = rng.randint(2, 4)
        start = rng.randint(3, 7 - k)
        g = groups[:start] + groups[start + k:]
        return ':'.join(g[:start]) + '::' + ':'.join(g[start:])
    return ':'.join(groups)


def cf_edge_ip(rng):
    return rng.choice(['172.68.%d.%d', '172.70.%d.%d', '162.158.%d.%d', '141.101.%d.%d', '108.162.%d.%d']) % (
        rng.randint(0, 255), rng.randint(1, 254))


def luhn_ok(num):
    s = 0
    for i, ch in enumerate(reversed(num)):
        d = int(ch)
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        s += d
    return s % 10 == 0


def non_luhn(rng, n=16):
    while True:
        v = rd1(rng, n)
        if not luhn_ok(v):
            return v


# ---- phone numbers: national formats without a country code, and international forms ----

def national_phone(rng, cc, mobile=None):
    m = rng.random() < 0.55 if mobile is None else mobile
    d = lambda n: rd(rng, n)
    if cc == 'GB':
        if m:
            return rng.choice(['07%s %s', '07%s%s', '07%s %s']) % (d(3), d(6)) if rng.random() < .7 else \
                '07%s %s %s' % (d(3), d(3), d(3))
        return rng.choice(['020 %s%s %s' % (rng.choice('378'), d(3), d(4)), '01%s %s' % (d(3), d(6)),
                           '01%s1 %s %s' % (rng.choice('2345679'), d(3), d(4))])
    if cc == 'IE':
        return '08%s %s %s' % (rng.choice('3567'), d(3), d(4)) if m else '0%s %s %s' % (rng.choice('14'), d(3), d(4))
    if cc == 'US':
        a, e, l = rd1(rng, 1).replace('1', '2') + d(2), rng.choice('23456789') + d(2), d(4)
        return rng.choice(['(%s) %s-%s', '%s-%s-%s', '%s.%s.%s', '%s %s %s', '(%s)%s-%s']) % (a, e, l)
    if cc == 'AU':
        if m:
            return rng.choice(['04%s %s %s' % (d(2), d(3), d(3)), '04%s%s' % (d(2), d(6))])
        return rng.choice(['(0%s) %s %s', '0%s %s %s']) % (rng.choice('2378'), rng.choice('3456789') + d(3), d(4))
    if cc in ('DE', 'AT', 'CH'):
        if cc == 'CH':
            return '0%s %s %s %s' % (rng.choice(['44', '31', '61', '79', '76', '78']), d(3), d(2), d(2))
        if cc == 'AT':
            return rng.choice(['0664 %s' % d(7), '0676 %s %s' % (d(3), d(4)), '01 %s' % d(7), '0316 %s' % d(6)])
        if m:
            p = '01' + rng.choice(['51', '52', '60', '62', '70', '71', '72', '76', '77'])
            return rng.choice(['%s %s', '%s-%s', '%s/%s', '%s %s']) % (p, d(rng.choice([7, 8])))
        p = rng.choice(['030', '089', '040', '0221', '069', '0711', '0341', '0761'])
        n = d(9 - len(p) + rng.choice([2, 3]))
        return rng.choice(['%s %s', '(%s) %s', '%s/%s', '%s-%s']) % (p, n)
    if cc in ('FR', 'BE'):
        if cc == 'BE':
            return '04%s %s %s %s' % (rng.choice('5789') + d(1), d(2), d(2), d(2)) if m else '0%s %s %s %s' % (
                rng.choice('2349'), d(3), d(2), d(2))
        first = '0' + (rng.choice('67') if m else rng.choice('12345'))
        pairs = [d(2) for _ in range(4)]
        sep = rng.choice([' ', ' ', '.', '', '-'])
        return first + sep + sep.join(pairs)
    if cc == 'NL':
        if m:
            return rng.choice(['06-%s', '06 %s', '06%s']) % d(8) if rng.random() < .6 else '06 %s %s' % (d(4), d(4))
        p = rng.choice(['020', '010', '030', '070', '050', '040'])
        return rng.choice(['%s-%s' % (p, d(7)), '%s %s %s' % (p, d(3), d(4)), '%s %s' % (p, d(7))])
    if cc == 'ES':
        if m:
            f = rng.choice('67') + d(2)
            return rng.choice(['%s %s %s %s' % (f, d(2), d(2), d(2)), '%s %s %s' % (f, d(3), d(3)), f + d(6)])
        return rng.choice(['9%s %s %s' % (d(2), d(3), d(3)), '9%s %s %s %s' % (d(1), d(3), d(2), d(2))])
    if cc == 'IT':
        if m:
            f = '3' + rng.choice(['33', '47', '48', '20', '38', '49', '66'])
            return rng.choice(['%s %s %s' % (f, d(3), d(4)), '%s %s' % (f, d(7)), f + d(7)])
        return rng.choice(['02 %s %s' % (d(4), d(4)), '06 %s' % d(8), '011 %s' % d(7), '055 %s' % d(6)])
    if cc == 'BR':
        ddd = rng.choice(['11', '21', '31', '41', '51', '61', '71', '85'])
        if m:
            return rng.choice(['(%s) 9%s-%s', '%s 9%s-%s', '(%s) 9 %s-%s']) % (ddd, d(4), d(4))
        return '(%s) %s%s-%s' % (ddd, rng.choice('2345'), d(3), d(4))
    if cc == 'PT':
        return '9%s %s %s' % (rng.choice('1236') + d(1), d(3), d(3)) if m else '2%s %s %s' % (d(1), d(3), d(4))
    if cc == 'TR':
        p = '05' + rng.choice(['32', '33', '42', '43', '05', '06', '55', '36']) if m else '0' + rng.choice(
            ['212', '216', '312', '232'])
        return rng.choice(['%s %s %s %s' % (p, d(3), d(2), d(2)), '(%s) %s %s' % (p, d(3), d(4)),
                           '0 %s %s %s %s' % (p[1:], d(3), d(2), d(2)), '%s%s' % (p, d(7))])
    if cc == 'JP':
        if m:
            p = '0' + rng.choice(['90', '80', '70'])
            return rng.choice(['%s-%s-%s', '%s %s %s', '%s-%s-%s']) % (p, d(4), d(4))
        return rng.choice(['03-%s-%s' % (d(4), d(4)), '06-%s-%s' % (d(4), d(4)), '075-%s-%s' % (d(3), d(4))])
    if cc == 'IN':
        if m:
            f = rng.choice('6789') + d(4)
            return rng.choice(['0%s %s', '%s %s', '%s%s', '0%s-%s']) % (f, d(5))
        return rng.choice(['022 %s %s' % (d(4), d(4)), '080-%s %s' % (d(4), d(4)), '044 %s' % d(8)])
    if cc == 'PL':
        if m:
            f = rng.choice('5678') + d(2)
            return rng.choice(['%s %s %s', '%s-%s-%s', '%s%s%s']) % (f, d(3), d(3))
        return '%s %s %s %s' % (rng.choice(['22', '12', '58', '71']), d(3), d(2), d(2))
    if cc == 'SE':
        return rng.choice(['07%s-%s %s %s' % (rng.choice('0236'), d(3), d(2), d(2)),
                           '07%s %s %s %s' % (rng.choice('0236'), d(3), d(2), d(2)),
                           '08-%s %s %s' % (d(3), d(3), d(2))])
    if cc == 'NO':
        return rng.choice(['%s %s %s' % (rng.choice('49') + d(2), d(2), d(3)), '%s %s %s %s' % (
            rng.choice('23579') + d(1), d(2), d(2), d(2))])
    if cc == 'DK':
        return '%s %s %s %s' % (rng.choice('2345679') + d(1), d(2), d(2), d(2))
    if cc == 'FI':
        return rng.choice(['04%s %s %s' % (rng.choice('0145'), d(3), d(4)), '050-%s' % d(7), '09 %s %s' % (d(4), d(4))])
    raise KeyError(cc)


def intl_phone(rng, cc, national=None):
    nat = national or national_phone(rng, cc)
    dial = DIAL[cc]
    core = nat.replace('(', '').replace(')', '')
    if cc not in ('IT', 'US') and core.startswith('0'):
        core = core[1:].lstrip(' ')
    if cc == 'TR' and core.startswith(' '):
        core = core.strip()
    style = rng.random()
    if style < 0.2:
        return '+' + dial + re.sub(r'\D', '', core)
    if style < 0.3:
        return '00' + dial + ' ' + core
    if style < 0.38:
        return '+%s (0)%s' % (dial, core) if cc in ('DE', 'GB', 'NL', 'AT', 'CH') else '+' + dial + ' ' + core
    return '+' + dial + ' ' + core


# ---- people ----

class Person:
    pass


def name_parts(full):
    """The words of a full name a redactor must remove: given names, surname words without particles;
    a hyphenated surname also gives its halves."""
    toks = full.split()
    out = []
    for i, w in enumerate(toks):
        if w in PARTICLES or w.lower() in PARTICLES:
            continue
        if '-' in w and i > 0:
            out += [x for x in w.split('-') if x] + [w]
        else:
            out.append(w)
    return out


def compose_surname(rng, spec):
    a, b = spec
    s = rng.choice(a) + rng.choice(b)
    return s


def make_person(rng, loc=None, country=None):
    loc = loc or rng.choice(sorted(LOCALES))
    L = LOCALES[loc]
    p = Person()
    p.loc = loc
    p.first = rng.choice(L['first'])
    if 'compose' in L and rng.random() < 0.35:
        last = compose_surname(rng, L['compose'])
        if loc == 'nl' and rng.random() < 0.6:
            last = rng.choice(L['particles']) + ' ' + last
    else:
        last = rng.choice(L['last'])
    if rng.random() < L.get('double', 0):
        other = rng.choice([x for x in L['last'] if x != last and ' ' not in x])
        last = last + L.get('double_sep', '-') + other
    p.last = last
    fam_first = rng.random() < L.get('family_first', 0)
    shout = loc in ('fr', 'ja') and rng.random() < 0.15
    shown_last = last.upper() if shout else last
    p.full = (shown_last + ' ' + p.first) if fam_first else (p.first + ' ' + shown_last)
    p.shown_last = shown_last
    p.parts = name_parts(p.full)
    p.country = country or rng.choice(L['countries'])
    # e-mail
    f, l = fold(p.first).lower().replace(' ', ''), re.sub(r'[^a-z]', '', fold(last).lower())
    f = re.sub(r'[^a-z]', '', f)
    local = rng.choice(['%s.%s' % (f, l), '%s%s' % (f[0], l), '%s%s%02d' % (f, l, rng.randint(60, 99)),
                        '%s.%s' % (l, f), '%s_%s' % (f, l[:4]), '%s%d' % (f, rng.randint(1, 9999)),
                        '%s.%s+shop' % (f, l), '%s-%s' % (f, l)])
    dom = rng.choice(EMAIL_DOMAINS[loc] + ['gmail.com', 'outlook.com', 'icloud.com'])
    if rng.random() < 0.08:
        local = '.'.join(w.capitalize() for w in local.split('.'))
    p.email = local + '@' + dom
    p.username = rng.choice([local.split('+')[0].lower(), slug(p.first + ' ' + last).replace('-', ''),
                             '%s%s' % (f, rng.randint(10, 999))])
    p.phone_nat = national_phone(rng, p.country)
    p.phone = p.phone_nat if rng.random() < 0.5 else intl_phone(rng, p.country, p.phone_nat)
    make_address(rng, p)
    p.ip = rand_ipv4(rng) if rng.random() < 0.7 else rand_ipv6(rng, rng.choice(['compressed', 'zeros', 'zeros']))
    p.ua = user_agent(rng)
    return p


def make_address(rng, p):
    cc, loc = p.country, p.loc
    W = STREET_WORDS[loc]
    w = rng.choice(W)
    n = rng.randint(1, 240)
    a2 = ''
    if loc == 'en':
        if cc == 'US':
            a1 = '%d %s %s' % (rng.randint(100, 9899), w, rng.choice(['Street', 'Avenue', 'Ave', 'Blvd', 'Drive',
                                                                     'Court', 'Way']))
            a2 = rng.choice(['', '', 'Apt %d%s' % (rng.randint(1, 30), rng.choice('ABCD')), 'Suite %d' % rng.randint(100, 900),
                             'Unit %d' % rng.randint(2, 40)])
        elif cc == 'AU':
            a1 = rng.choice(['%d %s Street' % (n, w), '%d/%d %s Road' % (rng.randint(1, 20), n, w)])
        else:
            a1 = '%d %s %s' % (n, w, rng.choice(['Road', 'Lane', 'Close', 'Crescent', 'Grove', 'Mews', 'Gardens',
                                                  'Terrace']))
            a2 = rng.choice(['', '', 'Flat %d' % rng.randint(1, 40), 'Flat %d%s' % (rng.randint(1, 20), rng.choice('AB')),
                             'Apartment %d' % rng.randint(1, 90)])
    elif loc == 'de':
        a1 = rng.choice(['%sstraße %d' % (w, n), '%sweg %d%s' % (w, n, rng.choice(['', 'a', 'b'])),
                         'Am %shain %d' % (w, n), '%sgasse %d' % (w, n), '%sstr. %d' % (w, n)])
        a2 = rng.choice(['', '', '', 'Hinterhaus, 2. OG', 'Wohnung %d' % rng.randint(1, 30), '3. Stock links'])
    elif loc == 'fr':
        a1 = rng.choice(['%d rue %s' % (n, w), '%d bis, avenue %s' % (n, w), '%d boulevard %s' % (n, w),
                         '%d, allée %s' % (n, w)])
        a2 = rng.choice(['', '', 'Bâtiment %s' % rng.choice('ABCD'), 'Appartement %d' % rng.randint(1, 80),
                         'Résidence Les Pins, Esc. %s' % rng.choice('ABC')])
    elif loc == 'nl':
        a1 = rng.choice(['%sgracht %d' % (w, n), '%sstraat %d' % (w, n), '%slaan %d-%d' % (w, n, rng.randint(1, 3)),
                         '%sweg %d %s' % (w, n, rng.choice('ABC'))])
    elif loc == 'es':
        fl = '%dº %s' % (rng.randint(1, 9), rng.choice('ABCD'))
        a1 = rng.choice(['Calle %s, %d' % (w, n), 'Calle %s %d, %s' % (w, n, fl), 'Avenida %s, %d' % (w, n),
                         'C/ %s %d' % (w, n)])
        a2 = rng.choice(['', fl, 'Escalera 2, %dº izq.' % rng.randint(1, 8)]) if ',' not in a1[-6:] else ''
    elif loc == 'it':
        a1 = rng.choice(['Via %s %d' % (w, n), 'Viale %s, %d' % (w, n), 'Corso %s %d' % (w, n),
                         'Piazza %s %d' % (w, n)])
        a2 = rng.choice(['', '', 'Scala %s, int. %d' % (rng.choice('ABC'), rng.randint(1, 30)),
                         'interno %d' % rng.randint(1, 30)])
    elif loc == 'pt':
        if cc == 'BR':
            a1 = rng.choice(['Rua %s, %d' % (w, n), 'Av. %s, %d' % (w, rng.randint(100, 3000)),
                             'Rua %s %d' % (w, n)])
            a2 = rng.choice(['', 'Apto %d' % rng.randint(11, 1904), 'Bloco %s, Apto %d' % (rng.choice('ABC'),
                                                                                         rng.randint(11, 1904)),
                             'Casa %d' % rng.randint(1, 9)])
        else:
            a1 = 'Rua %s %d' % (w, n)
            a2 = rng.choice(['', '%dº Esq.' % rng.randint(1, 9), '%dº Dto.' % rng.randint(1, 9)])
    elif loc == 'tr':
        a1 = rng.choice(['%s Cad. No:%d D:%d' % (w, n, rng.randint(1, 20)),
                         '%s Sok. No: %d/%d' % (w, n, rng.randint(1, 20)),
                         '%s Mah. %s Sk. No:%d' % (w, rng.choice(STREET_WORDS['tr']), n)])
        a2 = rng.choice(['', 'Daire %d' % rng.randint(1, 30), 'Kat %d' % rng.randint(1, 9)])
    elif loc == 'ja':
        a1 = '%d-%d-%d %s' % (rng.randint(1, 9), rng.randint(1, 30), rng.randint(1, 30), w)
        a2 = rng.choice(['', '%s Mansion %d' % (rng.choice(['Sunrise', 'Green', 'Palace', 'Maison']),
                                                rng.randint(101, 1208)), 'Heights %s %d' % (w, rng.randint(101, 905))])
    elif loc == 'in':
        a1 = rng.choice(['Flat %d, %s' % (rng.randint(101, 1504), w), '#%d, %s' % (rng.randint(1, 500), w)])
        a2 = rng.choice(['%dth Cross, Indiranagar' % rng.randint(4, 19), '%d Main Road, Jayanagar' % rng.randint(1, 40),
                         'Near Ganesh Temple, Kothrud', ''])
    elif loc == 'pl':
        a1 = rng.choice(['ul. %s %d/%d' % (w, n, rng.randint(1, 90)), 'al. %s %d m. %d' % (w, n, rng.randint(1, 90)),
                         'ul. %s %d' % (w, n)])
    else:  # nordic
        a1 = {'SE': '%sgatan %d' % (w, n), 'NO': '%sgata %d' % (w, n), 'DK': '%sgade %d, %d. tv' % (w, n, rng.randint(1, 5)),
              'FI': '%skatu %d A %d' % (w, n, rng.randint(1, 40))}[cc]
    p.address_1, p.address_2 = a1, a2
    city, pre, state = rng.choice(CITIES[cc])
    p.city, p.state = city, state
    up = string.ascii_uppercase
    pc = {
        'GB': lambda: '%s %d%s' % (pre, rng.randint(1, 9), rs(rng, 2, 'ABDEFGHJLNPQRSTUWXYZ')),
        'IE': lambda: '%s %s%s' % (pre, rng.choice('ACDEFHKNPRTVWXY'), rd(rng, 3)),
        'US': lambda: pre + rd(rng, 2), 'AU': lambda: pre + rd(rng, 3),
        'DE': lambda: pre + rd(rng, 3), 'AT': lambda: pre + rd(rng, 3), 'CH': lambda: pre + rd(rng, 3),
        'FR': lambda: pre + rd(rng, 3), 'BE': lambda: pre + rd(rng, 3),
        'NL': lambda: '%s%s %s' % (pre, rd(rng, 2), rs(rng, 2, 'ABCDEGHJKLMNPRTVWXZ')),
        'ES': lambda: pre + rd(rng, 3), 'IT': lambda: pre + rd(rng, 2),
        'BR': lambda: '%s%s-%s' % (pre, rd(rng, 3), rd(rng, 3)), 'PT': lambda: '%s%s-%s' % (pre, rd(rng, 3), rd(rng, 3)),
        'TR': lambda: pre + rd(rng, 3), 'JP': lambda: '%s-%s' % (pre, rd(rng, 4)), 'IN': lambda: pre + rd(rng, 3),
        'PL': lambda: '%s%s-%s' % (pre, rd(rng, 1), rd(rng, 3)), 'SE': lambda: '%s%s %s' % (pre, rd(rng, 1), rd(rng, 2)),
        'NO': lambda: pre + rd(rng, 4 - len(pre)), 'DK': lambda: pre + rd(rng, 4 - len(pre)),
        'FI': lambda: pre + rd(rng, 3),
    }[cc]
    p.postcode = pc()
    p.company = ''
    if rng.random() < 0.25:
        p.company = '%s %s' % (rng.choice(COMPANY_WORDS), rng.choice(COMPANY_SUFFIX[loc]))


def user_agent(rng):
    ch = '%d.0.%d.%d' % (rng.randint(118, 131), rng.randint(4000, 6800), rng.randint(10, 200))
    return rng.choice([
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Safari/537.36' % ch,
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.%d Safari/605.1.15' % rng.randint(0, 6),
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.%d Mobile/15E148 Safari/604.1' % (rng.randint(0, 6), rng.randint(0, 6)),
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Mobile Safari/537.36' % ch,
        'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0' % ((lambda v: (v, v))(rng.randint(115, 132))),
    ])


# --------------------------------------------------------------------------------------------
# The shop (site) and the document being built
# --------------------------------------------------------------------------------------------

SITE_A = ['driftwood', 'copper', 'bramble', 'harbour', 'wildmoss', 'lantern', 'fjordline', 'tulipa', 'cinder',
          'saltmarsh', 'juniperhill', 'quillon', 'mossgarden', 'emberly', 'larchwood', 'pebblecove', 'thistle']
SITE_B = ['goods', 'market', 'atelier', 'outfitters', 'home', 'supply', 'collective', 'studio', 'kitchen', 'works']
TLDS = ['com', 'co.uk', 'de', 'nl', 'fr', 'shop', 'store', 'com.au', 'es', 'it', 'com.br', 'pl', 'se', 'ie', 'be']


class Site:
    def __init__(self, rng):
        a, b = rng.choice(SITE_A), rng.choice(SITE_B)
        self.base = a + b
        self.name = '%s %s' % (a.capitalize(), b.capitalize())
        self.bare = '%s.%s' % (self.base, rng.choice(TLDS))
        self.domain = rng.choice(['', '', 'www.', 'shop.', 'store.']) + self.bare
        self.url = 'https://' + self.domain
        self.root = rng.choice(['/var/www/html', '/srv/www/%s/htdocs' % self.base, '/home/%s/public_html' % self.base,
                                '/home/customer/www/%s/public_html' % self.domain, '/var/www/%s/web' % self.domain,
                                '/opt/bitnami/wordpress', '/www/wwwroot/%s' % self.domain])
        self.admin_email = '%s@%s' % (rng.choice(['admin', 'shop', 'info', 'hello', 'orders', 'webmaster']), self.bare)
        self.admin_login = rng.choice(['admin', 'shopadmin', self.base[:8], 'webmaster', 'owner'])
        self.server_ip = rng.choice(['10.0.%d.%d' % (rng.randint(0, 9), rng.randint(2, 250)),
                                     '192.168.%d.%d' % (rng.randint(0, 9), rng.randint(2, 250)),
                                     '198.51.100.%d' % rng.randint(2, 250), '203.0.113.%d' % rng.randint(2, 250)])
        self.prefix = rng.choice(['wp_', 'wp_', 'wp_', 'wp_%s_' % rs(rng, 4, LOWER_ALNUM), 'shop_', 'wpx_'])
        self.wp = '6.%d.%d' % (rng.randint(4, 8), rng.randint(0, 3))
        self.wc = '%d.%d.%d' % (rng.choice([8, 9, 9, 10]), rng.randint(0, 9), rng.randint(0, 3))
        self.php = rng.choice(['7.4.33', '8.1.%d' % rng.randint(20, 31), '8.2.%d' % rng.randint(10, 27),
                               '8.3.%d' % rng.randint(1, 14)])
        self.sm = '%d.%d.%d' % (rng.randint(2, 3), rng.randint(0, 9), rng.randint(0, 9))
        self.mysql = rng.choice(['8.0.%d' % rng.randint(30, 40), '10.6.%d-MariaDB' % rng.randint(12, 20),
                                 '10.11.%d-MariaDB' % rng.randint(5, 9), '5.7.44'])
        self.db_name = rng.choice([self.base[:10] + '_wp', 'wp_' + self.base[:8], 'shopdb', 'wordpress'])
        self.db_user = rng.choice([self.base[:8] + '_usr', 'wp_user', 'shop', 'wpuser_' + rs(rng, 4, LOWER_ALNUM)])
        self.store_addr = '%d %s' % (rng.randint(1, 99), rng.choice(['Industrieweg', 'Harbour Road', 'Rue du Port',
                                                                   'Via Industria', 'Gewerbepark', 'Unit 4, Mill Lane']))
        self.store_city = rng.choice(['Utrecht 3542 AB', 'Bristol BS2 0QW', 'Lyon 69007', 'Bologna 40131', 'Leipzig 04229',
                                      'Porto 4000-098', 'Malmö 211 20'])
        self.host = rng.choice(['web01', 'wp-prod-2', 'ip-172-31-%d-%d' % (rng.randint(0, 63), rng.randint(1, 254)),
                                self.base[:6] + '-vps', 'server'])
        self.shell_user = rng.choice([self.base[:8], 'ubuntu', 'deploy', 'www-data', 'forge'])


class Doc:
    def __init__(self, rng, site, family, template):
        self.rng, self.site, self.family, self.template = rng, site, family, template
        self.remove = {}
        self.keep = {}
        self.neutral = []
        self.order_no = rng.randint(1200, 98000)
        self.t = T(rng)

    def R(self, cat, kind, value):
        assert cat in CATEGORIES, cat
        assert value and '\n' not in value and value == value.strip(), repr(value)
        self.remove.setdefault(value, (cat, kind))
        return value

    def K(self, kind, value):
        assert value and '\n' not in value, repr(value)
        self.keep.setdefault(value, kind)
        return value

    def N(self, value):
        self.neutral.append(value)
        return value

    # customers
    def name(self, p, esc=None, full=None):
        """Full name of a person, labelled whole (kind name) and by its parts (kind name_part)."""
        return self.fullname(full or p.full, esc)

    def fullname(self, full, esc=None):
        e = esc or (lambda s: s)
        self.R('customer', 'name', e(full))
        for part in name_parts(full):
            if part != full:
                self.R('customer', 'name_part', e(part))
        return e(full)

    def first(self, p, esc=None):
        e = esc or (lambda s: s)
        return self.R('customer', 'name', e(p.first))

    def last(self, p, esc=None):
        e = esc or (lambda s: s)
        return self.R('customer', 'name', e(p.shown_last))

    def email(self, p, esc=None):
        e = esc or (lambda s: s)
        return self.R('customer', 'email', e(p.email))

    def phone(self, p, which=None, esc=None):
        e = esc or (lambda s: s)
        return self.R('customer', 'phone', e(which or p.phone))

    def addr(self, value, esc=None):
        e = esc or (lambda s: s)
        return self.R('customer', 'address', e(value)) if value else ''

    def ip(self, value):
        return self.R('customer', 'ip', value)

    # keep helpers
    def order(self, fmt='#%d', n=None):
        return self.K('order_number', fmt % (n or self.order_no))

    def ts(self, kind='wp', t=None):
        return self.K('timestamp', fmt_ts(self.rng, kind, t or self.t))

    def path(self, rel, line=None, style=':'):
        p = self.site.root + '/' + rel
        if line is None:
            return self.K('file_path', p)
        return self.K('file_path', p + (':%d' % line if style == ':' else '(%d)' % line))


MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']


class T:
    """A simple clock: (y, mo, d, h, mi, s) that moves forward."""
    def __init__(self, rng):
        self.y, self.mo, self.d = rng.choice([2024, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28)
        self.h, self.mi, self.s = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59)
        self.rng = rng

    def tick(self, lo=1, hi=400):
        s = self.s + self.mi * 60 + self.h * 3600 + self.rng.randint(lo, hi)
        self.d += s // 86400
        if self.d > 28:
            self.d = 28
        s %= 86400
        self.h, self.mi, self.s = s // 3600, (s // 60) % 60, s % 60
        return self

    def dow(self):
        import datetime
        return DAYS[datetime.date(self.y, self.mo, self.d).weekday()]


def fmt_ts(rng, kind, t):
    if kind == 'wp':
        return '[%02d-%s-%d %02d:%02d:%02d UTC]' % (t.d, MONTHS[t.mo - 1], t.y, t.h, t.mi, t.s)
    if kind == 'iso':
        return '%d-%02d-%02dT%02d:%02d:%02d+00:00' % (t.y, t.mo, t.d, t.h, t.mi, t.s)
    if kind == 'isoz':
        return '%d-%02d-%02dT%02d:%02d:%02d.%03dZ' % (t.y, t.mo, t.d, t.h, t.mi, t.s, rng.randint(0, 999))
    if kind == 'sql':
        return '%d-%02d-%02d %02d:%02d:%02d' % (t.y, t.mo, t.d, t.h, t.mi, t.s)
    if kind == 'apache':
        return '[%s %s %02d %02d:%02d:%02d.%06d %d]' % (t.dow(), MONTHS[t.mo - 1], t.d, t.h, t.mi, t.s,
                                                       rng.randint(0, 999999), t.y)
    if kind == 'clf':
        return '[%02d/%s/%d:%02d:%02d:%02d +0000]' % (t.d, MONTHS[t.mo - 1], t.y, t.h, t.mi, t.s)
    if kind == 'rfc':
        return '%s, %02d %s %d %02d:%02d:%02d +0000' % (t.dow(), t.d, MONTHS[t.mo - 1], t.y, t.h, t.mi, t.s)
    if kind == 'nginx':
        return '%d/%02d/%02d %02d:%02d:%02d' % (t.y, t.mo, t.d, t.h, t.mi, t.s)
    raise KeyError(kind)


# --------------------------------------------------------------------------------------------
# Secrets and tokens, following each vendor's documented / observed format
# --------------------------------------------------------------------------------------------

WORDS = ['blooberry', 'whiteduke', 'kestrel', 'marzipan', 'tangerine', 'lighthouse', 'saffron', 'quokka',
         'gondola', 'pumpernickel', 'obsidian', 'heliotrope', 'nightjar', 'cardamom', 'zeppelin', 'wisteria',
         'tamarind', 'goldcrest', 'biscotti', 'mangrove', 'periwinkle', 'snapdragon', 'firefly', 'cobblestone',
         'sauerkraut', 'tortellini', 'zonnebloem', 'papillon', 'glühwein', 'drakkar', 'bergamot', 'lingonberry']
SEASONS = ['Summer', 'Winter', 'Spring', 'Autumn', 'Welcome', 'Sommer', 'Hiver', 'Verano', 'Primavera', 'Kevät']


def human_password(rng, avoid='', style=None):
    """A realistic human password.  avoid: characters not allowed in this syntax."""
    for _ in range(50):
        st = style or rng.choice(['word', 'worddigits', 'season', 'phrase', 'phrase', 'random', 'random', 'leet',
                                  'braces'])
        if st == 'word':
            v = rng.choice(WORDS) + rng.choice(['', '', str(rng.randint(1, 99))])
        elif st == 'worddigits':
            v = rng.choice(WORDS).capitalize() + str(rng.randint(1, 9999)) + rng.choice(['', '!', '#', '$', '%'])
        elif st == 'season':
            v = rng.choice(SEASONS) + str(rng.randint(2019, 2025)) + rng.choice(['!', '!!', '#', '$', '?', '*'])
        elif st == 'phrase':
            ws = rng.sample(WORDS, rng.randint(3, 4))
            v = rng.choice(['-', '.', '_', '+']).join(ws) + rng.choice(['', str(rng.randint(1, 99))])
        elif st == 'leet':
            w = rng.choice(WORDS)
            v = w.replace('e', '3').replace('a', '@').replace('o', '0').replace('i', '1') + rng.choice(['!', '$', '#'])
        elif st == 'braces':
            v = rs(rng, 4) + rng.choice(['{', '}', '%', '#', '!', '$']) + rs(rng, 5) + rng.choice(['}', '{', '%', '!']) + rs(rng, 4)
        else:
            v = rs(rng, rng.randint(14, 24), ALNUM + '!#$%&*{}~^@-_=+.')
        if not any(c in avoid for c in v) and v[0] not in '-=#' and len(v) >= 6:
            return v
    return rs(rng, 16)


def tok(rng, kind):
    """Vendor token of a kind.  Returns (category, kind, value)."""
    r = rng
    if kind == 'slack_app_token':
        v = 'xapp-1-A%s-%s-%s' % (rs(r, 10, UPPER_ALNUM), rd1(r, 13), rs(r, 64, HEX))
    elif kind == 'slack_bot_token':
        v = 'xoxb-%s-%s-%s' % (rd1(r, r.randint(11, 13)), rd1(r, r.randint(11, 13)), rs(r, 24))
    elif kind == 'discord_bot_token':
        uid = '1' + rd(r, r.randint(17, 18))
        v = '%s.%s.%s' % (base64.b64encode(uid.encode()).decode().rstrip('='), rs(r, 6, B64URL), rs(r, 38, B64URL))
    elif kind == 'telegram_bot_token':
        v = '%s:AA%s' % (rd1(r, r.choice([9, 10])), rs(r, 33, B64URL))
    elif kind == 'gitlab_token':
        v = 'glpat-' + rs(r, 20, B64URL)
    elif kind == 'azure_client_secret':
        v = rs(r, 3, ALNUM + '_~.') + rd(r, 1) + 'Q~' + rs(r, 34, ALNUM + '_~.-')
    elif kind == 'google_oauth_secret':
        v = 'GOCSPX-' + rs(r, 28, B64URL)
    elif kind == 'google_access_token':
        v = 'ya29.a0A' + rs(r, r.randint(150, 210), B64URL) + rd(r, 4)
    elif kind == 'facebook_token':
        v = 'EAA' + r.choice('GBJIC') + rs(r, r.randint(150, 190))
    elif kind == 'easypost_key':
        v = r.choice(['EZAK', 'EZTK']) + rs(r, 54, LOWER_ALNUM)
    elif kind == 'flutterwave_secret':
        v = r.choice(['FLWSECK-', 'FLWSECK_TEST-']) + rs(r, 32, HEX) + '-X'
        return 'payment', kind, v
    elif kind == 'mailchimp_key':
        v = rs(r, 32, HEX) + '-us%d' % r.randint(1, 21)
    elif kind == 'brevo_key':
        v = 'xkeysib-' + rs(r, 64, HEX) + '-' + rs(r, 16)
    elif kind == 'twilio_api_key':
        v = 'SK' + rs(r, 32, HEX)
    elif kind == 'digitalocean_token':
        v = 'dop_v1_' + rs(r, 64, HEX)
    elif kind == 'cloudflare_origin_ca_key':
        v = 'v1.0-' + rs(r, 24, HEX) + '-' + rs(r, 146, HEX)
    elif kind == 'paypal_nvp_signature':
        v = 'A' + rs(r, 55, ALNUM + '--..')
        while not v[-1].isalnum():
            v = v[:-1] + rs(r, 1)
        return 'payment', kind, v
    elif kind == 'paypal_nvp_password':
        return 'payment', kind, rs(r, 16, UPPER_ALNUM)
    elif kind == 'password_hash':
        v = r.choice([
            lambda: '$P$B' + rs(r, 31, CRYPT64),
            lambda: '$wp$2y$10$' + rs(r, 53, CRYPT64),
            lambda: '$2y$10$' + rs(r, 53, CRYPT64),
            lambda: '$6$rounds=%d$%s$%s' % (r.choice([5000, 656000, 10000]), rs(r, 16, CRYPT64[2:]), rs(r, 86, CRYPT64)),
            lambda: '$1$%s$%s' % (rs(r, 8, CRYPT64[2:]), rs(r, 22, CRYPT64)),
        ])()
    elif kind == 'phpass':
        return 'credential', 'password_hash', '$P$B' + rs(r, 31, CRYPT64)
    elif kind == 'wp_bcrypt':
        return 'credential', 'password_hash', '$wp$2y$10$' + rs(r, 53, CRYPT64)
    elif kind == 'stripe_secret_key':
        return 'payment', kind, 'sk_live_51' + rs(r, 97)
    elif kind == 'stripe_restricted_key':
        return 'payment', kind, 'rk_live_51' + rs(r, 97)
    elif kind == 'stripe_webhook_secret':
        return 'payment', kind, 'whsec_' + rs(r, 32)
    elif kind == 'paypal_client_secret':
        return 'payment', kind, 'E' + rs(r, 79, B64URL)
    elif kind == 'square_access_token':
        return 'payment', kind, 'EAAA' + rs(r, 60, B64URL)
    elif kind == 'sendgrid_key':
        v = 'SG.%s.%s' % (rs(r, 22, B64URL), rs(r, 43, B64URL))
    elif kind == 'github_token':
        v = 'ghp_' + rs(r, 36)
    elif kind == 'aws_secret_access_key':
        v = rs(r, 40, ALNUM + '+/')
    elif kind == 'wc_consumer_secret':
        v = 'cs_' + rs(r, 40, HEX)
    elif kind == 'wp_app_password':
        v = ' '.join(rs(r, 4) for _ in range(6))
    elif kind == 'wp_salt':
        v = rs(r, 64, ALNUM + '!#$%&()*+,-./:;<=>?@[]^_`{|}~ ')
        v = v.strip() or rs(r, 64)
        while v[0] == ' ' or v[-1] == ' ':
            v = rs(r, 1) + v[1:-1] + rs(r, 1)
    # AI providers
    elif kind == 'openai':
        return 'provider_key', kind, r.choice(['sk-proj-', 'sk-proj-', 'sk-svcacct-']) + rs(r, r.randint(56, 74), B64URL) + 'T3BlbkFJ' + rs(r, r.randint(56, 74), B64URL)
    elif kind == 'anthropic':
        return 'provider_key', kind, 'sk-ant-api03-' + rs(r, 93, B64URL) + 'AA'
    elif kind == 'gemini':
        return 'provider_key', kind, 'AIzaSy' + rs(r, 33, B64URL)
    elif kind == 'groq':
        return 'provider_key', kind, 'gsk_' + rs(r, 52)
    elif kind == 'huggingface':
        return 'provider_key', kind, 'hf_' + rs(r, 34, string.ascii_letters)
    elif kind == 'replicate':
        return 'provider_key', kind, 'r8_' + rs(r, 37)
    elif kind == 'perplexity':
        return 'provider_key', kind, 'pplx-' + rs(r, 48)
    elif kind == 'xai':
        return 'provider_key', kind, 'xai-' + rs(r, 80)
    elif kind == 'mistral':
        return 'provider_key', kind, rs(r, 32)
    elif kind == 'cohere':
        return 'provider_key', kind, rs(r, 40)
    elif kind == 'elevenlabs':
        return 'provider_key', kind, r.choice([rs(r, 32, HEX), 'sk_' + rs(r, 48, HEX)])
    elif kind == 'elevenlabs_legacy':
        return 'provider_key', 'elevenlabs', rs(r, 32, HEX)
    elif kind == 'pinecone_legacy':
        return 'provider_key', 'pinecone', str(uuid.UUID(int=r.getrandbits(128), version=4))
    elif kind == 'deepseek':
        return 'provider_key', kind, 'sk-' + rs(r, 32, HEX)
    elif kind == 'openrouter':
        return 'provider_key', kind, 'sk-or-v1-' + rs(r, 64, HEX)
    else:
        raise KeyError(kind)
    return 'credential', kind, v


def choose(rng, *options):
    """Pick one option; callables are called only when picked (so only used values get labelled)."""
    o = rng.choice(options)
    return o() if callable(o) else o


def rid_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# --------------------------------------------------------------------------------------------
# Background noise: PHP notices, stack traces, WooCommerce log lines, with keep labels
# --------------------------------------------------------------------------------------------

SM_FILES = [
    ('wp-content/plugins/sophmate/includes/providers/class-mistral-provider.php', 'SophMate\\Providers\\Mistral_Provider', 'parse_response'),
    ('wp-content/plugins/sophmate/includes/providers/class-cohere-provider.php', 'SophMate\\Providers\\Cohere_Provider', 'build_payload'),
    ('wp-content/plugins/sophmate/includes/providers/class-provider-base.php', 'SophMate\\Providers\\Provider_Base', 'request'),
    ('wp-content/plugins/sophmate/includes/rest/class-chat-controller.php', 'SophMate\\Rest\\Chat_Controller', 'handle_message'),
    ('wp-content/plugins/sophmate/includes/woo/class-order-lookup.php', 'SophMate\\Woo\\Order_Lookup', 'find_by_email'),
    ('wp-content/plugins/sophmate/includes/knowledge/class-indexer.php', 'SophMate\\Knowledge\\Indexer', 'reindex'),
    ('wp-content/plugins/sophmate/includes/class-sophmate-context.php', 'SophMate\\Context', 'collect'),
    ('wp-content/plugins/sophmate/includes/tts/class-elevenlabs-voice.php', 'SophMate\\TTS\\ElevenLabs_Voice', 'synthesize'),
]
CORE_FILES = [('wp-includes/class-wp-hook.php', 'WP_Hook->apply_filters'), ('wp-includes/class-wp-hook.php', 'WP_Hook->do_action'),
              ('wp-includes/plugin.php', 'do_action'), ('wp-includes/rest-api/class-wp-rest-server.php', 'WP_REST_Server->dispatch'),
              ('wp-content/plugins/woocommerce/includes/class-wc-checkout.php', 'WC_Checkout->process_checkout'),
              ('wp-content/plugins/woocommerce/includes/class-wc-ajax.php', 'WC_AJAX::checkout'),
              ('wp-content/plugins/woocommerce/packages/action-scheduler/classes/abstracts/ActionScheduler_Action.php', 'ActionScheduler_Action->execute')]
HOOKS = ['woocommerce_checkout_order_processed', 'woocommerce_payment_complete', 'woocommerce_thankyou',
         'sophmate_before_ai_request', 'sophmate_after_ai_response', 'sophmate_order_lookup',
         'sophmate_reindex_knowledge', 'action_scheduler_run_queue', 'woocommerce_new_order', 'rest_api_init',
         'woocommerce_order_status_changed', 'sophmate_cleanup_transcripts', 'woocommerce_cleanup_draft_orders',
         'woocommerce_store_api_checkout_order_processed', 'sophmate_system_prompt']
PLUGIN_SLUGS = ['woocommerce-gateway-stripe', 'woocommerce-payments', 'query-monitor', 'wordfence', 'litespeed-cache',
                'wp-mail-smtp', 'redis-cache', 'mailpoet', 'woocommerce-paypal-payments', 'wp-rocket', 'updraftplus',
                'contact-form-7', 'loco-translate', 'woocommerce-pdf-invoices-packing-slips']
ERRMSG = ['Undefined array key "choices"', 'Undefined array key "billing_state"', 'Undefined index: usage',
          'Attempt to read property "id" on null', 'Trying to access array offset on value of type bool',
          'Cannot modify header information - headers already sent']
SOPH_MSG = ['Provider request failed', 'Order lookup denied: billing email does not match',
            'Knowledge base sync timed out', 'Rate limited by provider', 'Streaming response interrupted',
            'Text-to-speech synthesis failed', 'Embedding batch rejected']
HTTP = [('400', 'Bad Request'), ('401', 'Unauthorized'), ('403', 'Forbidden'), ('404', 'Not Found'), ('429', 'Too Many Requests'),
        ('500', 'Internal Server Error'), ('502', 'Bad Gateway'), ('503', 'Service Unavailable'), ('504', 'Gateway Timeout')]


def noise(doc, n=None, tsk='wp'):
    """n background lines/blocks, each a string."""
    rng, s = doc.rng, doc.site
    out = []
    for _ in range(n if n is not None else rng.randint(3, 7)):
        doc.t.tick(5, 900)
        k = rng.randint(0, 13)
        ts = doc.ts(tsk) if k not in (3, 12) else None
        if k == 0:
            out.append('%s PHP Notice:  Function _load_textdomain_just_in_time was called <strong>incorrectly</strong>. '
                       'Translation loading for the <code>%s</code> domain was triggered too early. (This message was '
                       'added in version %s.) in %s on line %d' % (
                           ts, doc.K('plugin_slug', rng.choice(PLUGIN_SLUGS)), doc.K('version', '6.7.0'),
                           doc.path('wp-includes/functions.php'), rng.randint(6000, 6200)))
        elif k == 1:
            f, cls, meth = rng.choice(SM_FILES)
            out.append('%s PHP Warning:  %s in %s on line %d' % (ts, doc.K('error_message', rng.choice(ERRMSG)),
                                                                doc.path(f), rng.randint(20, 900)))
        elif k == 2:
            f, cls, meth = rng.choice(SM_FILES)
            ln = rng.randint(30, 900)
            lines = ['%s PHP Fatal error:  Uncaught TypeError: %s::%s(): Argument #1 ($body) must be of type array, '
                     'null given in %s' % (ts, doc.K('identifier', cls), meth, doc.path(f, ln)), 'Stack trace:']
            for i in range(rng.randint(2, 5)):
                cf, fn = rng.choice(CORE_FILES)
                lines.append('#%d %s: %s(%s)' % (i, doc.path(cf, rng.randint(20, 1400), '('), fn,
                                                 choose(rng, 'Object(WP_REST_Request)', 'Array', 'NULL, Array', lambda: "'%s'" % doc.K('hook', rng.choice(HOOKS)))))
            lines.append('#%d {main}' % (i + 1))
            lines.append('  thrown in %s on line %d' % (doc.path(f), ln))
            out.append('\n'.join(lines))
        elif k == 3:
            pi = doc.K('gateway_id', 'pi_3' + rs(rng, 23))
            out.append('%s %s Order %s: payment complete (%s), status processing' % (
                doc.ts('iso'), rng.choice(['INFO', 'NOTICE']), doc.order(), pi))
        elif k == 4:
            code, st = rng.choice(HTTP)
            rid = doc.K('request_id', rid_uuid(rng) if rng.random() < .6 else 'req_' + rs(rng, 14))
            out.append('%s SophMate [%s] %s (HTTP %s, request_id=%s, hook=%s)' % (
                ts, doc.K('error_code', 'SOPH-E%d' % rng.randint(1001, 1899)), rng.choice(SOPH_MSG), code, rid,
                doc.K('hook', rng.choice(HOOKS))))
        elif k == 5:
            out.append("%s WordPress database error Deadlock found when trying to get lock; try restarting transaction "
                       "for query UPDATE `%s` SET `status` = 'wc-processing' WHERE `id` = %d made by do_action('%s'), "
                       "WP_Hook->do_action, WP_Hook->apply_filters" % (
                           ts, doc.K('sql_table', s.prefix + 'wc_orders'), doc.order_no, doc.K('hook', rng.choice(HOOKS))))
        elif k == 6:
            out.append('%s Cron reschedule event error for hook: %s, Error code: invalid_schedule, Error message: Event '
                       'schedule does not exist., Data: {"schedule":"sophmate_every_ten_minutes","args":[],"interval":600}'
                       % (ts, doc.K('hook', rng.choice(HOOKS))))
        elif k == 7:
            ps = rng.sample(PLUGIN_SLUGS, 3)
            out.append('%s Active plugins: woocommerce/woocommerce.php (%s), sophmate/sophmate.php (%s), %s/%s.php (%d.%d.%d)' % (
                ts, doc.K('version', s.wc), doc.K('version', s.sm), doc.K('plugin_slug', ps[0]), ps[0],
                rng.randint(1, 9), rng.randint(0, 20), rng.randint(0, 9)))
        elif k == 8:
            code, st = rng.choice(HTTP)
            out.append('%s SophMate: provider responded %s (%d ms) x-request-id: %s' % (
                ts, doc.K('http_status', 'HTTP/1.1 %s %s' % (code, st)), rng.randint(80, 30000),
                doc.K('request_id', 'req_' + rs(rng, 24))))
        elif k == 9:
            out.append('%s PHP Deprecated:  Creation of dynamic property WC_Gateway_Stripe::$%s is deprecated in %s on line %d' % (
                ts, rng.choice(['testmode', 'saved_cards', 'capture']),
                doc.path('wp-content/plugins/woocommerce-gateway-stripe/includes/class-wc-gateway-stripe.php'), rng.randint(40, 400)))
        elif k == 10:
            out.append('%s PHP Fatal error:  %s in %s on line %d' % (
                ts, doc.K('error_message', 'Allowed memory size of %d bytes exhausted (tried to allocate %d bytes)' % (
                    rng.choice([134217728, 268435456, 536870912]), rng.choice([20480, 65536, 4096, 2097160]))),
                doc.path(rng.choice(SM_FILES)[0]), rng.randint(10, 900)))
        elif k == 11:
            out.append('%s SophMate widget loaded %s/wp-content/plugins/sophmate/assets/js/widget.min.js?ver=%s (build %s)' % (
                ts, 'https://' + doc.K('domain', s.domain), doc.K('asset_hash', rs(rng, 32, HEX)),
                doc.K('git_sha', rs(rng, 40, HEX))))
        elif k == 12:
            out.append('%s action_scheduler: action %d (%s) failed after %d attempts: %s' % (
                doc.ts('iso'), rng.randint(10000, 999999), doc.K('hook', rng.choice(HOOKS)), rng.randint(2, 5),
                doc.K('error_message', rng.choice(['cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received',
                                                   'cURL error 35: OpenSSL SSL_connect: SSL_ERROR_SYSCALL',
                                                   'Maximum execution time of 30 seconds exceeded']))))
        else:
            out.append('%s WooCommerce %s, WordPress %s, PHP %s, SophMate %s, MySQL %s' % (
                ts, doc.K('version', s.wc), doc.K('version', s.wp), doc.K('version', s.php), doc.K('version', s.sm),
                doc.K('version', s.mysql)))
    return out


def interleave(rng, blocks, extra):
    """Insert the noise blocks at random positions between blocks."""
    out = list(blocks)
    for e in extra:
        out.insert(rng.randint(0, len(out)), e)
    return out


# --------------------------------------------------------------------------------------------
# Value emission with labels.  A cell is (raw, lab): lab None (neutral), ('R', cat, kind) or
# ('K', kind).  emit() applies the syntax escaping and labels the value as it sits in the file.
# --------------------------------------------------------------------------------------------

def emit(doc, raw, lab, esc=None):
    if raw is None or isinstance(raw, int):
        return raw
    v = esc(raw) if esc else raw
    if lab and v:
        if lab[0] == 'F':
            doc.fullname(raw, esc)
        elif lab[0] == 'R':
            doc.R(lab[1], lab[2], v)
        elif lab[0] == 'K':
            doc.K(lab[1], v)
        elif lab[0] == 'N':
            doc.N(v)
    return v


CUST = lambda kind: ('R', 'customer', kind)
NAME, EMAIL, PHONE, ADDR, IP, USERNAME = CUST('name'), CUST('email'), CUST('phone'), CUST('address'), CUST('ip'), CUST('username')
NEUTRAL = ('N',)
FULL = ('F',)


def billing_fields(p, prefix='billing', with_email=True, phone=None):
    """(field, raw, lab) for a WooCommerce billing / shipping address of person p."""
    f = [('first_name', p.first, NAME), ('last_name', p.last, NAME), ('company', p.company, NEUTRAL),
         ('address_1', p.address_1, ADDR), ('address_2', p.address_2, ADDR), ('city', p.city, None),
         ('state', p.state, None), ('postcode', p.postcode, None), ('country', p.country, None)]
    if with_email:
        f.append(('email', p.email, EMAIL))
    f.append(('phone', phone if phone is not None else p.phone, PHONE))
    return [('%s_%s' % (prefix, k), v, lab) for k, v, lab in f]


def order_total(rng):
    return '%d.%02d' % (rng.randint(9, 640), rng.choice([0, 0, 50, 90, 95, 99, rng.randint(1, 99)]))


# ---------------- family: WXR export of shop_order posts ----------------

def fam_wxr(doc):
    rng, s = doc.rng, doc.site
    I = rng.choice(['\t', '  ', '    '])
    cdata = rng.random() < 0.8
    V = (lambda x: '<![CDATA[%s]]>' % x) if cdata else xml_text
    esc = None if cdata else xml_text
    W = (lambda x: '<![CDATA[%s]]>' % x) if cdata else (lambda x: x)   # for values emit() already escaped
    t = doc.t
    head = ['<?xml version="1.0" encoding="UTF-8" ?>',
            '<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->',
            '<!-- It contains information about your site\'s posts, pages, comments, categories, and other content. -->',
            '<!-- generator="WordPress/%s" created="%d-%02d-%02d %02d:%02d" -->' % (doc.K('version', s.wp), t.y, t.mo, t.d, t.h, t.mi),
            '<rss version="2.0"', I + 'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"',
            I + 'xmlns:content="http://purl.org/rss/1.0/modules/content/"', I + 'xmlns:wfw="http://wellformedweb.org/CommentAPI/"',
            I + 'xmlns:dc="http://purl.org/dc/elements/1.1/"', I + 'xmlns:wp="http://wordpress.org/export/1.2/"', '>', '',
            '<channel>', I + '<title>%s</title>' % s.name, I + '<link>%s</link>' % ('https://' + doc.K('domain', s.domain)),
            I + '<description>Just another WooCommerce store</description>',
            I + '<pubDate>%s</pubDate>' % doc.ts('rfc'), I + '<language>%s</language>' % rng.choice(['en-US', 'de-DE', 'nl-NL', 'fr-FR', 'pt-BR']),
            I + '<wp:wxr_version>1.2</wp:wxr_version>', I + '<wp:base_site_url>%s</wp:base_site_url>' % s.url,
            I + '<wp:base_blog_url>%s</wp:base_blog_url>' % s.url, '',
            I + '<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[%s]]></wp:author_login>'
                '<wp:author_email><![CDATA[%s]]></wp:author_email><wp:author_display_name><![CDATA[%s]]></wp:author_display_name>'
                '<wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>'
            % (s.admin_login, doc.N(s.admin_email), rng.choice(STAFF)), '',
            I + '<generator>https://wordpress.org/?v=%s</generator>' % s.wp, '']
    items = []
    for _ in range(rng.randint(2, 4)):
        p = make_person(rng)
        oid = rng.randint(1200, 99000)
        t.tick(600, 90000)
        date = fmt_ts(rng, 'sql', t)
        gift = rng.random() < 0.3
        q = make_person(rng, p.loc, p.country) if gift else p
        meta = [('_customer_user', str(rng.randint(0, 900)), None), ('_order_key', 'wc_order_' + rs(rng, 13), None),
                ('_order_currency', rng.choice(['EUR', 'GBP', 'USD', 'BRL', 'JPY', 'PLN', 'SEK']), None)]
        meta += [('_' + k, v, lab) for k, v, lab in billing_fields(p)]
        meta += [('_' + k, v, lab) for k, v, lab in billing_fields(q, 'shipping', with_email=False,
                                                                      phone=q.phone if rng.random() < .5 else '')]
        total = order_total(rng)
        meta += [('_payment_method', rng.choice(['stripe', 'ppcp-gateway', 'bacs', 'cod', 'woocommerce_payments']), None),
                 ('_payment_method_title', rng.choice(['Credit Card (Stripe)', 'PayPal', 'Direct bank transfer']), None),
                 ('_transaction_id', 'pi_3' + rs(rng, 23), ('K', 'gateway_id')),
                 ('_customer_ip_address', p.ip, IP), ('_customer_user_agent', p.ua, ('K', 'user_agent')),
                 ('_created_via', 'checkout', None), ('_order_version', s.wc, ('K', 'version')),
                 ('_prices_include_tax', rng.choice(['yes', 'no']), None), ('_cart_hash', rs(rng, 32, HEX), None),
                 ('_order_total', total, ('K', 'order_total')), ('_order_tax', '%d.%02d' % (rng.randint(0, 80), rng.randint(0, 99)), None),
                 ('_date_paid', str(rng.randint(1704067200, 1735603200)), None),
                 ('_paid_date', date, ('K', 'timestamp'))]
        if rng.random() < 0.7:
            idx = ' '.join(x for x in [p.first, p.last, p.company, p.address_1, p.address_2, p.city, p.state,
                                       p.postcode, p.country, p.email, p.phone] if x)
            meta.append(('_billing_address_index', idx, None))
        if rng.random() < 0.6:
            meta += [('_wc_order_attribution_source_type', rng.choice(['organic', 'typein', 'referral', 'utm']), None),
                     ('_wc_order_attribution_session_entry', s.url + '/product/' + rng.choice(['linen-apron', 'tea-tin', 'wool-throw']) + '/', None),
                     ('_wc_order_attribution_user_agent', p.ua, ('K', 'user_agent')),
                     ('_wc_order_attribution_device_type', rng.choice(['Desktop', 'Mobile']), None)]
        if rng.random() < 0.5:
            meta.append(('_stripe_customer_id', 'cus_' + rs(rng, 14), ('K', 'gateway_id')))
        head_meta = meta[:3]
        body = meta[3:]
        rng.shuffle(body)
        meta = head_meta + body
        M = I * 2
        lines = [I + '<item>', M + '<title>%s</title>' % V('Order &ndash; %s %d, %d @ %02d:%02d %s' % (
                     MONTHS[t.mo - 1], t.d, t.y, (t.h % 12) or 12, t.mi, 'AM' if t.h < 12 else 'PM')),
                 M + '<link>%s/?post_type=shop_order&#038;p=%d</link>' % (s.url, oid),
                 M + '<pubDate>%s</pubDate>' % fmt_ts(rng, 'rfc', t), M + '<dc:creator>%s</dc:creator>' % V(''),
                 M + '<guid isPermaLink="false">%s/?post_type=shop_order&#038;p=%d</guid>' % (s.url, oid),
                 M + '<description></description>', M + '<content:encoded>%s</content:encoded>' % V('')]
        note = ''
        if rng.random() < 0.5:
            note = rng.choice(['Please leave the parcel with the neighbour at no. %d' % rng.randint(1, 90),
                               'Bitte nicht klingeln, Baby schläft.', 'Livrer après 18h svp',
                               'Graag afleveren bij de achterdeur', 'Call %s on arrival' % p.phone])
        lines.append(M + '<excerpt:encoded>%s</excerpt:encoded>' % W(emit(doc, note, None, esc)))
        lines += [M + '<wp:post_id>%s</wp:post_id>' % doc.K('order_number', str(oid)),
                  M + '<wp:post_date>%s</wp:post_date>' % V(doc.K('timestamp', date)),
                  M + '<wp:post_date_gmt>%s</wp:post_date_gmt>' % V(date),
                  M + '<wp:post_modified>%s</wp:post_modified>' % V(date),
                  M + '<wp:post_modified_gmt>%s</wp:post_modified_gmt>' % V(date),
                  M + '<wp:comment_status>%s</wp:comment_status>' % V('closed'),
                  M + '<wp:ping_status>%s</wp:ping_status>' % V('closed'),
                  M + '<wp:post_name>%s</wp:post_name>' % V('order-%s-%02d-%d-%02d%02d-%s' % (
                      MONTHS[t.mo - 1].lower(), t.d, t.y, (t.h % 12) or 12, t.mi, 'am' if t.h < 12 else 'pm')),
                  M + '<wp:status>%s</wp:status>' % V(rng.choice(['wc-processing', 'wc-completed', 'wc-on-hold', 'wc-failed'])),
                  M + '<wp:post_parent>0</wp:post_parent>', M + '<wp:menu_order>0</wp:menu_order>',
                  M + '<wp:post_type>%s</wp:post_type>' % V('shop_order'),
                  M + '<wp:post_password>%s</wp:post_password>' % V(meta[1][1]), M + '<wp:is_sticky>0</wp:is_sticky>']
        for k, v, lab in meta:
            vv = emit(doc, v, lab, esc)
            if k.startswith('_billing_') or k.startswith('_shipping_') or k in ('_customer_ip_address', '_order_total'):
                doc.K('meta_key', k)
            lines += [M + '<wp:postmeta>', M + I + '<wp:meta_key>%s</wp:meta_key>' % V(k),
                      M + I + '<wp:meta_value>%s</wp:meta_value>' % W(vv), M + '</wp:postmeta>']
        if note and p.phone in note:
            doc.phone(p)
        for _ in range(rng.randint(1, 3)):
            t.tick(5, 3000)
            content = choose(rng, 'Order status changed from Pending payment to Processing.',
                             lambda: 'Stripe charge complete (Charge ID: %s)' % doc.K('gateway_id', 'ch_3' + rs(rng, 23)),
                             'Payment to be made upon delivery. Order status changed from Pending payment to Processing.',
                             lambda: 'SophMate: order looked up from chat %s' % doc.K('request_id', rid_uuid(rng)))
            lines += [M + '<wp:comment>', M + I + '<wp:comment_id>%d</wp:comment_id>' % rng.randint(100, 9000),
                      M + I + '<wp:comment_author>%s</wp:comment_author>' % V('WooCommerce'),
                      M + I + '<wp:comment_author_email>%s</wp:comment_author_email>' % V('woocommerce@' + s.bare),
                      M + I + '<wp:comment_author_url>%s</wp:comment_author_url>' % V(''),
                      M + I + '<wp:comment_author_IP>%s</wp:comment_author_IP>' % V(''),
                      M + I + '<wp:comment_date>%s</wp:comment_date>' % V(fmt_ts(rng, 'sql', t)),
                      M + I + '<wp:comment_date_gmt>%s</wp:comment_date_gmt>' % V(fmt_ts(rng, 'sql', t)),
                      M + I + '<wp:comment_content>%s</wp:comment_content>' % V(content),
                      M + I + '<wp:comment_approved>%s</wp:comment_approved>' % V('1'),
                      M + I + '<wp:comment_type>%s</wp:comment_type>' % V('order_note'),
                      M + I + '<wp:comment_parent>0</wp:comment_parent>', M + I + '<wp:comment_user_id>0</wp:comment_user_id>',
                      M + '</wp:comment>']
        lines.append(I + '</item>')
        items.append('\n'.join(lines))
    if rng.random() < 0.6:   # a product with a customer review
        r = make_person(rng)
        t.tick(600, 90000)
        pid = rng.randint(10, 900)
        rv = [I + '<item>', I * 2 + '<title>%s</title>' % V(rng.choice(['Linen Apron', 'Stoneware Mug', 'Merino Throw'])),
              I * 2 + '<wp:post_id>%d</wp:post_id>' % pid, I * 2 + '<wp:post_type>%s</wp:post_type>' % V('product'),
              I * 2 + '<wp:comment>',
              I * 3 + '<wp:comment_id>%d</wp:comment_id>' % rng.randint(100, 9000),
              I * 3 + '<wp:comment_author>%s</wp:comment_author>' % W(emit(doc, r.full, FULL, esc)),
              I * 3 + '<wp:comment_author_email>%s</wp:comment_author_email>' % W(emit(doc, r.email, EMAIL, esc)),
              I * 3 + '<wp:comment_author_url>%s</wp:comment_author_url>' % V(''),
              I * 3 + '<wp:comment_author_IP>%s</wp:comment_author_IP>' % V(doc.ip(r.ip)),
              I * 3 + '<wp:comment_date>%s</wp:comment_date>' % V(doc.ts('sql')),
              I * 3 + '<wp:comment_content>%s</wp:comment_content>' % V(rng.choice(['Lovely quality, fast shipping!',
                                                                                 'Super Qualität, gerne wieder.',
                                                                                 'Produit conforme, merci.'])),
              I * 3 + '<wp:comment_approved>%s</wp:comment_approved>' % V('1'),
              I * 3 + '<wp:comment_type>%s</wp:comment_type>' % V('review'),
              I * 3 + '<wp:commentmeta>', I * 4 + '<wp:meta_key>%s</wp:meta_key>' % V('rating'),
              I * 4 + '<wp:meta_value>%s</wp:meta_value>' % V(str(rng.randint(3, 5))), I * 3 + '</wp:commentmeta>',
              I * 3 + '<wp:commentmeta>', I * 4 + '<wp:meta_key>%s</wp:meta_key>' % V('verified'),
              I * 4 + '<wp:meta_value>%s</wp:meta_value>' % V('1'), I * 3 + '</wp:commentmeta>',
              I * 2 + '</wp:comment>', I + '</item>']
        items.insert(rng.randint(0, len(items)), '\n'.join(rv))
    xml = '\n'.join(head) + '\n' + '\n\n'.join(items) + '\n</channel>\n</rss>\n'
    intro = rng.choice(['Export from Tools > Export (Orders only), the two orders the bot could not find:\n\n',
                        'wxr attached inline, customer says the assistant shows the wrong address\n\n',
                        '', 'orders.xml (trimmed)\n----\n'])
    outro = '\n-- debug.log around the import --\n' + '\n'.join(noise(doc, rng.randint(2, 4))) + '\n'
    return intro + xml + outro, 'xml'


# ---------------- SQL rendering shared by sql_meta and mysqldump ----------------

class Lit(str):
    """A value written unquoted in SQL (numbers, decimals)."""


def cell(doc, c, esc=None):
    if c is None:
        return None
    if isinstance(c, (int, Lit)):
        return str(c)
    return emit(doc, c[0], c[1], esc)


def csv_field(v):
    if v is None:
        return ''
    if any(ch in v for ch in ' ,"\t\n\r'):
        return '"' + v.replace('"', '""') + '"'
    return v


def render_rows(doc, fmt, table, cols, rows):
    """Render rows in one of: table, vertical, tsv, csv, insert_cols, insert, insert_each, phpmyadmin."""
    rng = doc.rng
    if fmt in ('table', 'vertical', 'tsv', 'csv'):
        vals = []
        for r in rows:
            vals.append([('NULL' if fmt != 'csv' else '') if c is None else cell(doc, c) for c in r])
        numeric = [all(isinstance(r[i], (int, Lit)) or r[i] is None for r in rows) for i in range(len(cols))]
        if fmt == 'table':
            w = [max([len(h)] + [len(v[i]) for v in vals]) for i, h in enumerate(cols)]
            sep = '+' + '+'.join('-' * (x + 2) for x in w) + '+'
            out = [sep, '| ' + ' | '.join(h.ljust(w[i]) for i, h in enumerate(cols)) + ' |', sep]
            for v in vals:
                out.append('| ' + ' | '.join((x.rjust(w[i]) if numeric[i] else x.ljust(w[i])) for i, x in enumerate(v)) + ' |')
            out.append(sep)
            return '\n'.join(out)
        if fmt == 'vertical':
            w = max(len(h) for h in cols)
            out = []
            for n, v in enumerate(vals, 1):
                out.append('*' * 27 + ' %d. row ' % n + '*' * 27)
                out += ['%s: %s' % (h.rjust(w), x) for h, x in zip(cols, v)]
            return '\n'.join(out)
        if fmt == 'tsv':
            return '\n'.join(['\t'.join(cols)] + ['\t'.join(v) for v in vals])
        return '\n'.join([','.join(cols)] + [','.join(csv_field(x) for x in v) for v in vals])
    # INSERT statements (values SQL-escaped as mysqldump writes them)
    def tup(r, sep=','):
        parts = []
        for c in r:
            if c is None:
                parts.append('NULL')
            elif isinstance(c, (int, Lit)):
                parts.append(str(c))
            else:
                parts.append("'%s'" % cell(doc, c, sql_str))
        return '(' + sep.join(parts) + ')'
    bq = '`%s`' % table
    collist = ' (' + ', '.join('`%s`' % c for c in cols) + ')'
    if fmt == 'insert':
        return 'INSERT INTO %s VALUES %s;' % (bq, ','.join(tup(r) for r in rows))
    sep = rng.choice([',', ', '])
    if fmt == 'insert_cols':
        return 'INSERT INTO %s%s VALUES %s;' % (bq, collist, (',' if sep == ',' else ',\n').join(tup(r, sep) for r in rows))
    if fmt == 'insert_each':
        cl = collist if rng.random() < 0.5 else ''
        return '\n'.join('INSERT INTO %s%s VALUES %s;' % (bq, cl, tup(r, sep)) for r in rows)
    if fmt == 'phpmyadmin':
        return 'INSERT INTO %s%s VALUES\n%s;' % (bq, collist, ',\n'.join(tup(r, ', ') for r in rows))
    raise KeyError(fmt)


def postmeta_rows(doc, p, q, oid):
    rng = doc.rng
    rows = []
    mid = rng.randint(10000, 900000)
    fields = [('_' + k, v, lab) for k, v, lab in billing_fields(p)] + \
             [('_' + k, v, lab) for k, v, lab in billing_fields(q, 'shipping', with_email=False)]
    fields += [('_customer_ip_address', p.ip, IP), ('_customer_user_agent', p.ua, ('K', 'user_agent')),
               ('_order_total', order_total(rng), ('K', 'order_total')),
               ('_billing_address_index', ' '.join(x for x in [p.first, p.last, p.address_1, p.city, p.postcode,
                                                               p.country, p.email, p.phone] if x), None)]
    if rng.random() < 0.5:
        fields = [f for f in fields if f[0].startswith('_billing') or rng.random() < 0.5]
    for k, v, lab in fields:
        rows.append([mid, oid, (k, None), (v, lab)])
        mid += 1
    return rows


def usermeta_rows(doc, p, uid):
    rng, s = doc.rng, doc.site
    rows = []
    mid = rng.randint(1000, 90000)
    t0 = rng.randint(1704067200, 1735603200)
    sess = {rs(rng, 64, HEX): {'expiration': t0 + 172800, 'ip': p.ip, 'ua': p.ua, 'login': t0}}
    fields = [('nickname', p.username, USERNAME), ('first_name', p.first, NAME), ('last_name', p.last, NAME),
              ('description', '', None), ('rich_editing', 'true', None), ('syntax_highlighting', 'true', None),
              ('comment_shortcuts', 'false', None), ('admin_color', 'fresh', None), ('use_ssl', '0', None),
              ('show_admin_bar_front', 'true', None), ('locale', '', None),
              (s.prefix + 'capabilities', 'a:1:{s:8:"customer";b:1;}', None), (s.prefix + 'user_level', '0', None),
              ('session_tokens', php_ser(sess), None), ('last_update', str(t0), None)]
    fields += billing_fields(p) + billing_fields(p, 'shipping', with_email=False, phone='')
    fields += [('paying_customer', '1', None), ('wc_last_active', str(t0 + 86400), None),
               ('_woocommerce_persistent_cart_1', 'a:1:{s:4:"cart";a:0:{}}', None)]
    doc.ip(p.ip)   # (the user agent inside session_tokens is not keep-labelled: a redactor may drop the blob)
    if rng.random() < 0.4:
        fields = [f for f in fields if f[0].startswith('billing') or f[0] in ('first_name', 'last_name', 'session_tokens', 'nickname')]
    for k, v, lab in fields:
        rows.append([mid, uid, (k, None), (v, lab)])
        mid += 1
    return rows


def fam_sql_meta(doc):
    rng, s = doc.rng, doc.site
    blocks = []
    db = s.db_name
    for _ in range(rng.randint(2, 3)):
        p = make_person(rng)
        q = p if rng.random() < 0.7 else make_person(rng, p.loc, p.country)
        kind = rng.choice(['post', 'post', 'user'])
        if kind == 'post':
            oid = rng.randint(1200, 99000)
            doc.K('order_number', str(oid))
            table = s.prefix + 'postmeta'
            rows = postmeta_rows(doc, p, q, oid)
            cols = ['meta_id', 'post_id', 'meta_key', 'meta_value']
            idcol = 'post_id'
            ident = oid
        else:
            uid = rng.randint(2, 4000)
            table = s.prefix + 'usermeta'
            rows = usermeta_rows(doc, p, uid)
            cols = ['umeta_id', 'user_id', 'meta_key', 'meta_value']
            idcol = 'user_id'
            ident = uid
        fmt = rng.choice(['table', 'vertical', 'tsv', 'csv', 'insert_cols', 'insert_each', 'table'])
        if fmt in ('table', 'vertical') and rng.random() < 0.6:
            sel = [2, 3]
        else:
            sel = list(range(4))
        scols = [cols[i] for i in sel]
        srows = [[r[i] for i in sel] for r in rows]
        like = rng.choice(['', " AND meta_key LIKE '\\_billing%'", ''])
        if like:
            keep_idx = [i for i, r in enumerate(rows) if r[2][0].startswith('_billing')]
            if keep_idx:
                srows = [srows[i] for i in keep_idx]
        query = 'SELECT %s FROM %s WHERE %s = %d%s' % (', '.join(scols) if len(sel) < 4 else '*', table, idcol, ident, like)
        if fmt == 'table':
            prompt = rng.choice(['mysql> ', 'MariaDB [%s]> ' % db])
            tail = '%d rows in set (0.%03d sec)' % (len(srows), rng.randint(0, 40))
            blocks.append('%s%s;\n%s\n%s' % (prompt, query, render_rows(doc, fmt, table, scols, srows), tail))
        elif fmt == 'vertical':
            prompt = rng.choice(['mysql> ', 'MariaDB [%s]> ' % db])
            blocks.append('%s%s\\G\n%s\n%d rows in set (0.00 sec)' % (prompt, query, render_rows(doc, fmt, table, scols, srows), len(srows)))
        elif fmt == 'tsv':
            blocks.append('$ wp db query "%s"\n%s' % (query, render_rows(doc, fmt, table, scols, srows)))
        elif fmt == 'csv':
            if kind == 'post':
                cmd = '$ wp post meta list %d --format=csv' % ident
            else:
                cmd = '$ wp user meta list %d --format=csv' % ident
            blocks.append('%s\n%s' % (cmd, render_rows(doc, fmt, table, scols[1:] if len(scols) == 4 else scols,
                                                       [r[1:] if len(r) == 4 else r for r in srows])))
        else:
            blocks.append('-- rows from %s\n%s' % (table, render_rows(doc, fmt, table, cols, rows)))
        for c in cols:
            if re.search(r'\b%s\b' % c, blocks[-1]):
                doc.K('sql_column', c)
        if table in blocks[-1]:
            doc.K('sql_table', table)
        for r in rows:
            k = r[2][0]
            if re.match(r'_?(billing|shipping)_|_customer_', k) and re.search(r'(?<![\w])%s(?![\w])' % re.escape(k), blocks[-1]):
                doc.K('meta_key', k)
    intro = choose(rng, 'Customer says the chat shows an old phone number. Raw meta below.',
                   'Rows the order-lookup tool reads (copied from Adminer / the CLI):',
                   lambda: 'Ticket %s: data for the two affected records' % doc.K('order_number', '#%d' % doc.order_no),
                   'Here is what is in the DB for this customer and order')
    blocks = interleave(rng, blocks, noise(doc, rng.randint(2, 4)))
    return intro + '\n\n' + '\n\n'.join(blocks) + '\n', 'txt'


# ---------------- family: mysqldump of WooCommerce / WordPress core tables ----------------

ADDR_COLS = ['id', 'order_id', 'address_type', 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city',
             'state', 'postcode', 'country', 'email', 'phone']
LOOKUP_COLS = ['customer_id', 'user_id', 'username', 'first_name', 'last_name', 'email', 'date_last_active',
               'date_registered', 'country', 'postcode', 'city', 'state', 'billing_phone', 'shipping_phone']
USERS_COLS = ['ID', 'user_login', 'user_pass', 'user_nicename', 'user_email', 'user_url', 'user_registered',
              'user_activation_key', 'user_status', 'display_name']
COMMENTS_COLS = ['comment_ID', 'comment_post_ID', 'comment_author', 'comment_author_email', 'comment_author_url',
                 'comment_author_IP', 'comment_date', 'comment_date_gmt', 'comment_content', 'comment_karma',
                 'comment_approved', 'comment_agent', 'comment_type', 'comment_parent', 'user_id']
ORDERS_COLS = ['id', 'status', 'currency', 'type', 'tax_amount', 'total_amount', 'customer_id', 'billing_email',
               'date_created_gmt', 'date_updated_gmt', 'parent_order_id', 'payment_method', 'payment_method_title',
               'transaction_id', 'ip_address', 'user_agent', 'customer_note']
CREATE = {
    'wc_order_addresses': "  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n  `order_id` bigint(20) unsigned NOT NULL,\n  `address_type` varchar(20) DEFAULT NULL,\n  `first_name` text,\n  `last_name` text,\n  `company` text,\n  `address_1` text,\n  `address_2` text,\n  `city` text,\n  `state` text,\n  `postcode` text,\n  `country` text,\n  `email` varchar(320) DEFAULT NULL,\n  `phone` varchar(100) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `address_type_order_id` (`address_type`,`order_id`),\n  KEY `order_id` (`order_id`),\n  KEY `email` (`email`(191)),\n  KEY `phone` (`phone`)",
    'users': "  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,\n  `user_login` varchar(60) NOT NULL DEFAULT '',\n  `user_pass` varchar(255) NOT NULL DEFAULT '',\n  `user_nicename` varchar(50) NOT NULL DEFAULT '',\n  `user_email` varchar(100) NOT NULL DEFAULT '',\n  `user_url` varchar(100) NOT NULL DEFAULT '',\n  `user_registered` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',\n  `user_activation_key` varchar(255) NOT NULL DEFAULT '',\n  `user_status` int(11) NOT NULL DEFAULT '0',\n  `display_name` varchar(250) NOT NULL DEFAULT '',\n  PRIMARY KEY (`ID`),\n  KEY `user_login_key` (`user_login`),\n  KEY `user_nicename` (`user_nicename`),\n  KEY `user_email` (`user_email`)",
}


def dump_tables(doc, people, which):
    """(table, cols, rows) for the chosen core tables, built from people [(person, order_id, user_id)]."""
    rng, s = doc.rng, doc.site
    t = doc.t
    out = []
    # wc_order_addresses
    rows = []
    aid = rng.randint(1, 5000)
    for p, oid, uid in people:
        rows.append([aid, oid, ('billing', None), (p.first, NAME), (p.last, NAME), (p.company, NEUTRAL),
                     (p.address_1, ADDR), (p.address_2, ADDR), (p.city, None), (p.state, None), (p.postcode, None),
                     (p.country, None), (p.email, EMAIL), (p.phone, PHONE)])
        aid += 1
        if rng.random() < 0.7:
            rows.append([aid, oid, ('shipping', None), (p.first, NAME), (p.last, NAME), ('', None), (p.address_1, ADDR),
                         (p.address_2, ADDR), (p.city, None), (p.state, None), (p.postcode, None), (p.country, None),
                         None, (p.phone_nat if rng.random() < .5 else '', PHONE)])
            aid += 1
    out.append(('wc_order_addresses', ADDR_COLS, rows))
    # wc_customer_lookup (12 or 14 columns)
    n = 14 if rng.random() < 0.6 else 12
    rows = []
    for i, (p, oid, uid) in enumerate(people):
        guest = uid is None
        r = [rng.randint(1, 3000), None if guest else uid, ('' if guest else p.username, USERNAME), (p.first, NAME),
             (p.last, NAME), (p.email, EMAIL), (fmt_ts(rng, 'sql', t.tick(100, 99999)), ('K', 'timestamp')),
             None if guest else (fmt_ts(rng, 'sql', t), None), (p.country, None), (p.postcode, None), (p.city, None),
             (p.state, None)]
        if n == 14:
            r += [(p.phone, PHONE), ('', None)]
        rows.append(r)
    out.append(('wc_customer_lookup', LOOKUP_COLS[:n], rows))
    # wp_users: the admin plus the registered customers
    rows = []
    if 'users' not in which:
        people_u = []
    else:
        people_u = people
    c, k, h = tok(rng, rng.choice(['phpass', 'wp_bcrypt']))
    rows.append([1, (s.admin_login, None), (h, ('R', c, k)), (s.admin_login, None), (s.admin_email, NEUTRAL), (s.url, None),
                 (fmt_ts(rng, 'sql', t), None), ('', None), 0, (rng.choice(STAFF), NEUTRAL)])
    for p, oid, uid in people_u:
        if uid is None:
            continue
        c, k, h = tok(rng, rng.choice(['phpass', 'phpass', 'wp_bcrypt']))
        akey = ''
        if rng.random() < 0.3:
            c2, k2, h2 = tok(rng, 'phpass')
            doc.R(c2, 'activation_key_hash', h2)
            akey = '%d:%s' % (rng.randint(1704067200, 1735603200), h2)
        nicename = slug(p.username)
        rows.append([uid, (p.username, USERNAME), (h, ('R', c, k)), (nicename, USERNAME), (p.email, EMAIL), ('', None),
                     (fmt_ts(rng, 'sql', t.tick(100, 99999)), None), (akey, None), 0,
                     ('%s %s' % (p.first, p.last), FULL)])
    out.append(('users', USERS_COLS, rows))
    # wp_comments: order notes and a review
    rows = []
    cid = rng.randint(100, 9000)
    for p, oid, uid in (people if 'comments' in which else []):
        ts = fmt_ts(rng, 'sql', t.tick(10, 5000))
        rows.append([cid, oid, ('WooCommerce', None), ('woocommerce@' + s.bare, None), ('', None), ('', None), (ts, None),
                     (ts, None), (choose(rng, 'Order status changed from Pending payment to Processing.',
                                         lambda: 'Stripe charge complete (Charge ID: %s)' % doc.K('gateway_id', 'ch_3' + rs(rng, 23)),
                                         'Awaiting BACS payment Order status changed from Pending payment to On hold.'), None),
                     0, ('1', None), ('WooCommerce', None), ('order_note', None), 0, 0])
        cid += 1
        if rng.random() < 0.6:
            rows.append([cid, rng.randint(10, 900), ('%s %s' % (p.first, p.last), FULL), (p.email, EMAIL), ('', None),
                         (p.ip, IP), (ts, None), (ts, None), (rng.choice(['Great mug, arrived quickly.',
                                                                          'Toller Service!', 'Très bon produit.',
                                                                          'Prima kwaliteit']), None),
                         0, ('1', None), (p.ua, ('K', 'user_agent')), ('review', None), 0, uid or 0])
            cid += 1
    out.append(('comments', COMMENTS_COLS, rows))
    # wc_orders
    rows = []
    for p, oid, uid in (people if 'wc_orders' in which else []):
        total = order_total(rng)
        ts = fmt_ts(rng, 'sql', t.tick(10, 5000))
        note = rng.choice(['', '', 'Bitte vorher anrufen: %s' % p.phone_nat, 'Please ring %s when outside' % p.phone_nat,
                           'Deixar na portaria', 'Sonnette en panne, appelez le %s' % p.phone_nat])
        if p.phone_nat in note:
            doc.phone(p, p.phone_nat)
        rows.append([oid, (rng.choice(['wc-processing', 'wc-completed', 'wc-failed', 'wc-on-hold']), None),
                     (rng.choice(['EUR', 'GBP', 'USD', 'BRL']), None), ('shop_order', None), Lit('%.8f' % (float(total) * 0.19)),
                     Lit('%.8f' % float(total)), uid or 0, (p.email, EMAIL), (ts, ('K', 'timestamp')), (ts, None), 0,
                     (rng.choice(['stripe', 'ppcp-gateway', 'bacs', 'cod']), None), ('Credit Card (Stripe)', None),
                     ('pi_3' + rs(rng, 23), ('K', 'gateway_id')), (p.ip, IP), (p.ua, ('K', 'user_agent')), (note, None)])
    out.append(('wc_orders', ORDERS_COLS, rows))
    return [x for x in out if x[0] in which]


def fam_mysqldump(doc):
    rng, s = doc.rng, doc.site
    people = []
    for _ in range(rng.randint(2, 4)):
        p = make_person(rng)
        people.append((p, rng.randint(1200, 99000), None if rng.random() < 0.3 else rng.randint(2, 5000)))
    for p, oid, uid in people:
        doc.K('order_number', str(oid))
    which = ['wc_order_addresses', 'wc_customer_lookup', 'users', 'comments', 'wc_orders']
    rng.shuffle(which)
    which = which[:rng.randint(3, 5)]
    tables = dump_tables(doc, people, which)
    tables.sort(key=lambda x: which.index(x[0]))
    style = rng.choice(['insert', 'insert', 'insert_cols', 'insert_each', 'phpmyadmin'])
    maria = 'MariaDB' in s.mysql
    head = ['-- %s dump 10.%d  Distrib %s, for debian-linux-gnu (x86_64)' % ('MariaDB' if maria else 'MySQL',
                                                                             19 if maria else 13, s.mysql),
            '--', '-- Host: localhost    Database: %s' % s.db_name,
            '-- ------------------------------------------------------',
            '-- Server version\t%s' % doc.K('version', s.mysql), '',
            '/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;',
            '/*!40101 SET NAMES utf8mb4 */;', '/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;',
            "/*!40103 SET TIME_ZONE='+00:00' */;", '/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;', '']
    if style == 'phpmyadmin':
        head = ['-- phpMyAdmin SQL Dump', '-- version 5.2.1', '-- https://www.phpmyadmin.net/', '--',
                '-- Host: localhost', '-- Generation Time: %s %d, %d at %02d:%02d %s' % (
                    MONTHS[doc.t.mo - 1], doc.t.d, doc.t.y, (doc.t.h % 12) or 12, doc.t.mi, 'AM' if doc.t.h < 12 else 'PM'),
                '-- Server version: %s' % doc.K('version', s.mysql), '-- PHP Version: %s' % doc.K('version', s.php), '',
                'SET SQL_MODE = "NO_AUTO_VALUE_ON_ZERO";', 'START TRANSACTION;', 'SET time_zone = "+00:00";', '']
    body = []
    for name, cols, rows in tables:
        tname = doc.K('sql_table', s.prefix + name)
        part = []
        if name in CREATE and rng.random() < 0.5:
            part += ['--', '-- Table structure for table `%s`' % tname, '--', '',
                     'DROP TABLE IF EXISTS `%s`;' % tname,
                     'CREATE TABLE `%s` (\n%s\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;' % (tname, CREATE[name]), '']
        if style == 'phpmyadmin':
            part += ['--', '-- Dumping data for table `%s`' % tname, '--', '', render_rows(doc, 'phpmyadmin', tname, cols, rows), '']
        else:
            st = style if rng.random() < 0.7 else rng.choice(['insert', 'insert_cols', 'insert_each'])
            part += ['--', '-- Dumping data for table `%s`' % tname, '--', '', 'LOCK TABLES `%s` WRITE;' % tname,
                     '/*!40000 ALTER TABLE `%s` DISABLE KEYS */;' % tname,
                     render_rows(doc, st, tname, cols, rows),
                     '/*!40000 ALTER TABLE `%s` ENABLE KEYS */;' % tname, 'UNLOCK TABLES;', '']
        part = '\n'.join(part)
        for c in cols:
            if len(c) >= 4 and '`%s`' % c in part and rng.random() < 0.5:
                doc.K('sql_column', c)
        body.append(part)
    foot = ['/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;', '', '-- Dump completed on %s' % doc.ts('sql')]
    if style == 'phpmyadmin':
        foot = ['COMMIT;']
    intro = rng.choice(['`wp db export --tables=... -` output, trimmed to the rows for the failing lookups:\n',
                        'dump.sql excerpt\n', '', 'From the staging copy (same data as live):\n'])
    txt = intro + '\n'.join(head) + '\n' + '\n'.join(body) + '\n'.join(foot) + '\n'
    txt += '\n-- mysqld / WordPress log lines from the same minute:\n' + '\n'.join(noise(doc, rng.randint(2, 4))) + '\n'
    return txt, 'sql'


# ---------------- family: checkout / My Account HTML and form posts ----------------

import urllib.parse

AUTOCOMPLETE = {'first_name': 'given-name', 'last_name': 'family-name', 'company': 'organization',
                'address_1': 'address-line1', 'address_2': 'address-line2', 'city': 'address-level2',
                'state': 'address-level1', 'postcode': 'postal-code', 'email': 'email', 'phone': 'tel'}
FIELD_LABEL = {'first_name': 'First name', 'last_name': 'Last name', 'company': 'Company name (optional)',
               'address_1': 'Street address', 'address_2': 'Apartment, suite, unit, etc. (optional)',
               'city': 'Town / City', 'state': 'State / County', 'postcode': 'Postcode / ZIP', 'email': 'Email address',
               'phone': 'Phone'}


def enc_uri(s):
    """jQuery .serialize(): encodeURIComponent, then %20 -> +."""
    return urllib.parse.quote(s, safe="-_.!~*'()").replace('%20', '+')


class Tag:
    def __init__(self, doc):
        self.rng = doc.rng
        self.q = self.rng.choice(['"', '"', '"', "'"])
        self.shuffle = self.rng.random() < 0.6
        self.close = self.rng.choice([' />', '/>', '>', ' >'])

    def attrs(self, pairs):
        rng = self.rng
        pairs = list(pairs)
        if self.shuffle:
            rng.shuffle(pairs)
        out = []
        for k, v in pairs:
            if v is True:
                out.append(k)
                continue
            q = self.q if rng.random() < 0.85 else rng.choice(['"', "'", ''])
            if q == '' and (v == '' or re.search(r'[\s"\'=<>`]', v)):
                q = '"'
            out.append('%s=%s%s%s' % (k, q, v, q))
        return ' '.join(out)


def html_input(doc, tg, name, raw, lab, typ='text', cls='input-text ', ac=None, ident=None):
    val = emit(doc, raw, lab, html_attr) if raw else ''
    pairs = [('type', typ), ('class', cls), ('name', name), ('id', ident or name), ('placeholder', ''), ('value', val)]
    if ac:
        pairs.append(('autocomplete', ac))
    if doc.rng.random() < 0.3:
        pairs.append(('aria-required', 'true'))
    return '<input ' + tg.attrs(pairs) + tg.close


def country_select(doc, tg, name, cc):
    rng = doc.rng
    others = rng.sample(sorted(COUNTRY_NAMES), 5)
    if cc not in others:
        others.append(cc)
    others.sort(key=lambda c: COUNTRY_NAMES[c])
    opts = ['<option value="">Select a country / region&hellip;</option>']
    for c in others:
        if c == cc:
            opts.append('<option value="%s" %s>%s</option>' % (c, rng.choice(["selected='selected'", 'selected="selected"', 'selected']),
                                                            doc.K('country', COUNTRY_NAMES[c])))
        else:
            opts.append('<option value="%s" >%s</option>' % (c, COUNTRY_NAMES[c]))
    return '<select %s>%s</select>' % (tg.attrs([('name', name), ('id', name), ('class', 'country_to_state country_select '),
                                                 ('autocomplete', 'country'), ('data-label', 'Country / Region')]),
                                       ''.join(opts))


def classic_checkout(doc, p, q):
    rng, s = doc.rng, doc.site
    tg = Tag(doc)
    pretty = rng.random() < 0.6
    nl = '\n' if pretty else ''
    rows = []
    prio = 10
    for section, person, with_email in (('billing', p, True), ('shipping', q, False)):
        if section == 'shipping' and rng.random() < 0.4:
            continue
        rows.append('<div class="woocommerce-%s-fields">' % section)
        rows.append('<h3>%s</h3>' % ('Billing details' if section == 'billing' else 'Ship to a different address?'))
        for key, raw, lab in billing_fields(person, section, with_email):
            short = key.split('_', 1)[1]
            if short == 'state' and not raw:
                continue
            doc.K('field_name', key)
            if short == 'country':
                inner = country_select(doc, tg, key, raw)
            elif short == 'state' and not raw:
                continue
            else:
                typ = {'email': 'email', 'phone': 'tel'}.get(short, 'text')
                inner = html_input(doc, tg, key, raw, lab, typ, ac=AUTOCOMPLETE.get(short))
            width = 'form-row-first' if short == 'first_name' else 'form-row-last' if short == 'last_name' else 'form-row-wide'
            rows.append('<p class="form-row %s%s" id="%s_field" data-priority="%d"><label for="%s" class="">%s%s</label>'
                        '<span class="woocommerce-input-wrapper">%s</span></p>' % (
                            width, ' validate-required' if short not in ('company', 'address_2') else '', key, prio, key,
                            FIELD_LABEL.get(short, 'Country / Region'),
                            '&nbsp;<abbr class="required" title="required">*</abbr>' if short not in ('company', 'address_2') else '',
                            inner))
            prio += 10
        rows.append('</div>')
    note = ''
    if rng.random() < 0.7:
        ph = p.phone_nat
        note = rng.choice(PHONE_PROSE[p.loc]).replace('{ph}', ph)
        note = note[0].upper() + note[1:]
        doc.phone(p, ph)
    rows.append('<p class="form-row notes" id="order_comments_field" data-priority=""><label for="order_comments" class="">'
                'Order notes&nbsp;<span class="optional">(optional)</span></label><span class="woocommerce-input-wrapper">'
                '<textarea name="order_comments" class="input-text " id="order_comments" placeholder="Notes about your order, '
                'e.g. special notes for delivery." rows="2" cols="5">%s</textarea></span></p>' % html_attr(note))
    doc.K('field_name', 'order_comments')
    rows.append('<input type="hidden" id="woocommerce-process-checkout-nonce" name="woocommerce-process-checkout-nonce" '
                'value="%s" /><input type="hidden" name="_wp_http_referer" value="/?wc-ajax=update_order_review" />' % rs(rng, 10, HEX))
    return ('<form name="checkout" method="post" class="checkout woocommerce-checkout" action="%s/checkout/" '
            'enctype="multipart/form-data" novalidate="novalidate">' % s.url) + nl + nl.join(rows) + nl + '</form>'


def account_form(doc, p):
    rng = doc.rng
    tg = Tag(doc)
    cls = 'woocommerce-Input woocommerce-Input--text input-text'
    disp = rng.choice([p.first, p.first + ' ' + p.last, p.username])
    dlab = NAME if disp == p.first else FULL if disp != p.username else USERNAME
    parts = [('account_first_name', p.first, NAME, 'text', 'given-name'), ('account_last_name', p.last, NAME, 'text', 'family-name'),
             ('account_display_name', disp, dlab, 'text', None), ('account_email', p.email, EMAIL, 'email', 'email')]
    out = ['<form class="woocommerce-EditAccountForm edit-account" action="" method="post" >']
    for name, raw, lab, typ, ac in parts:
        doc.K('field_name', name)
        out.append('\t<p class="woocommerce-form-row woocommerce-form-row--wide form-row form-row-wide">\n\t\t<label for="%s">%s&nbsp;<span class="required">*</span></label>\n\t\t%s\n\t</p>' % (
            name, name.replace('account_', '').replace('_', ' ').capitalize(), html_input(doc, tg, name, raw, lab, typ, cls, ac)))
    out.append('\t<fieldset>\n\t\t<legend>Password change</legend>\n\t\t<input type="password" class="woocommerce-Input woocommerce-Input--password input-text" name="password_current" id="password_current" autocomplete="off" />\n\t</fieldset>')
    out.append('\t<input type="hidden" id="save-account-details-nonce" name="save-account-details-nonce" value="%s" />' % rs(rng, 10, HEX))
    out.append('</form>')
    return '\n'.join(out)


def order_received(doc, p):
    rng = doc.rng
    lines = ['<ul class="woocommerce-order-overview woocommerce-thankyou-order-details order_details">',
             '\t<li class="woocommerce-order-overview__order order">Order number: <strong>%s</strong></li>' % doc.K('order_number', str(doc.order_no)),
             '\t<li class="woocommerce-order-overview__email email">Email: <strong>%s</strong></li>' % doc.email(p),
             '\t<li class="woocommerce-order-overview__total total">Total: <strong><span class="woocommerce-Price-amount amount"><bdi>%s</bdi></span></strong></li>' % doc.K('order_total', order_total(rng)),
             '</ul>', '<section class="woocommerce-customer-details">',
             '\t<h2 class="woocommerce-column__title">Billing address</h2>', '\t<address>']
    addr = [doc.name(p, full=p.first + ' ' + p.last)]
    if p.company:
        addr.append(doc.N(p.company))
    addr += [doc.addr(p.address_1)] + ([doc.addr(p.address_2)] if p.address_2 else []) + [
        '%s %s' % (p.postcode, p.city) if p.country in ('DE', 'NL', 'FR', 'IT', 'ES', 'AT', 'CH', 'BE', 'PL', 'SE', 'NO', 'DK', 'FI', 'PT', 'TR') else '%s %s %s' % (p.city, p.state, p.postcode)]
    lines.append('\t\t' + rng.choice(['<br>', '<br/>', '<br />']).join(addr))
    lines.append('\t\t\t\t\t<p class="woocommerce-customer-details--phone">%s</p>' % doc.phone(p))
    lines.append('\t\t\t\t\t<p class="woocommerce-customer-details--email">%s</p>' % doc.email(p))
    lines.append('\t</address>\n</section>')
    return '\n'.join(lines)


def block_checkout(doc, p):
    rng = doc.rng
    out = []
    for fid, raw, lab, typ, ac, label in [('email', p.email, EMAIL, 'email', 'email', 'Email address'),
                                           ('billing-first_name', p.first, NAME, 'text', 'given-name', 'First name'),
                                           ('billing-last_name', p.last, NAME, 'text', 'family-name', 'Last name'),
                                           ('billing-address_1', p.address_1, ADDR, 'text', 'address-line1', 'Address'),
                                           ('billing-phone', p.phone, PHONE, 'tel', 'tel', 'Phone (optional)')]:
        val = emit(doc, raw, lab, html_attr)
        out.append('<div class="wc-block-components-text-input wc-block-components-address-form__%s is-active">'
                   '<input type="%s" id="%s" autocomplete="%s" aria-label="%s" required="" aria-invalid="false" '
                   'autocapitalize="sentences" value="%s"><label for="%s">%s</label></div>' % (
                       fid.split('-')[-1], typ, fid, ac, label, val, fid, label))
    asc = rng.random() < 0.7
    J = lambda v: json_str(v, ascii_only=asc, slashes=True)
    addr = {'first_name': (p.first, NAME), 'last_name': (p.last, NAME), 'company': (p.company, NEUTRAL),
            'address_1': (p.address_1, ADDR), 'address_2': (p.address_2, ADDR), 'city': (p.city, None),
            'state': (p.state, None), 'postcode': (p.postcode, None), 'country': (p.country, None),
            'email': (p.email, EMAIL), 'phone': (p.phone, PHONE)}
    body = ','.join('"%s":"%s"' % (k, emit(doc, v, lab, J)) for k, (v, lab) in addr.items())
    out.append('<script id="wp-api-fetch-js-after">\nwp.apiFetch.use( wp.apiFetch.createPreloadingMiddleware( '
               '{"\\/wc\\/store\\/v1\\/cart":{"body":{"coupons":[],"shipping_rates":[],"billing_address":{%s},'
               '"items_count":%d,"needs_payment":true,"errors":[]}}} ) );\n</script>' % (body, rng.randint(1, 5)))
    return '\n'.join(out)


def form_post(doc, p):
    rng, s = doc.rng, doc.site
    pw = human_password(rng)
    fields = [('billing_first_name', p.first, NAME), ('billing_last_name', p.last, NAME), ('billing_company', p.company, NEUTRAL),
              ('billing_country', p.country, None), ('billing_address_1', p.address_1, ADDR),
              ('billing_address_2', p.address_2, ADDR), ('billing_postcode', p.postcode, None), ('billing_city', p.city, None),
              ('billing_phone', p.phone, PHONE), ('billing_email', p.email, EMAIL)]
    if rng.random() < 0.5:
        fields += [('createaccount', '1', None), ('account_password', pw, ('R', 'credential', 'wp_password'))]
    fields += [('order_comments', '', None), ('shipping_method[0]', 'flat_rate:3', None), ('payment_method', 'stripe', None),
               ('woocommerce-process-checkout-nonce', rs(rng, 10, HEX), None), ('_wp_http_referer', '/?wc-ajax=update_order_review', None)]
    body = '&'.join('%s=%s' % (enc_uri(k), emit(doc, v, lab, enc_uri) if v else '') for k, v, lab in fields)
    hdr = ['POST /?wc-ajax=checkout HTTP/1.1', 'Host: %s' % doc.K('domain', s.domain),
           'Content-Type: application/x-www-form-urlencoded; charset=UTF-8', 'X-Requested-With: XMLHttpRequest',
           'User-Agent: %s' % doc.K('user_agent', p.ua), 'Content-Length: %d' % len(body.encode()), '', body]
    return '\n'.join(hdr)


def fam_checkout_html(doc):
    rng, s = doc.rng, doc.site
    p = make_person(rng)
    q = p if rng.random() < 0.6 else make_person(rng, p.loc, p.country)
    parts = []
    head = ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta charset="UTF-8">\n<title>Checkout &#8211; %s</title>\n'
            "<link rel='stylesheet' id='woocommerce-general-css' href='%s/wp-content/plugins/woocommerce/assets/css/woocommerce.css?ver=%s' media='all' />\n"
            '<meta name="generator" content="WooCommerce %s" />\n</head>\n<body class="woocommerce-checkout woocommerce-page">' % (
                rng.choice(['en-US', 'de-DE', 'nl-NL', 'fr-FR', 'es-ES', 'it-IT', 'pt-BR']), s.name,
                'https://' + doc.K('domain', s.domain), doc.K('version', s.wc), s.wc))
    choices = rng.sample(['classic', 'account', 'received', 'block', 'post', 'classic'], rng.randint(2, 3))
    for c in choices:
        if c == 'classic':
            parts.append('<!-- view-source of /checkout/ after the failed order -->\n' + classic_checkout(doc, p, q))
        elif c == 'account':
            parts.append('<!-- /my-account/edit-account/ -->\n' + account_form(doc, p))
        elif c == 'received':
            parts.append('<!-- /checkout/order-received/%d/ -->\n' % doc.order_no + order_received(doc, p))
        elif c == 'block':
            parts.append('<!-- Checkout block markup copied from dev tools -->\n' + block_checkout(doc, p))
        else:
            parts.append('Request copied as raw from the Network tab:\n\n' + form_post(doc, p))
    intro = rng.choice(['The chatbot widget overlaps the checkout form. Page source below.',
                        'SophMate auto-fill puts the wrong value in billing_phone, HTML attached',
                        'Checkout validation loop, markup from the customer session (they allowed us to share it)'])
    foot = '<footer class="site-footer"><p>%s &middot; %s, %s &middot; %s</p></footer>' % (
        s.name, doc.N(s.store_addr), doc.N(s.store_city), doc.N(s.admin_email))
    txt = intro + '\n\n' + head + '\n' + '\n\n'.join(parts) + '\n' + foot + '\n</body>\n</html>\n'
    txt += '\nPHP log:\n' + '\n'.join(noise(doc, rng.randint(2, 4))) + '\n'
    return txt, 'html'


# ---------------- family: IP addresses wherever they sit ----------------

AH = [('AH01071', "Got error 'PHP message: PHP Fatal error:  Uncaught Error: Call to a member function get_id() on bool"),
      ('AH01067', 'Failed to read FastCGI header'), ('AH01075', 'Error dispatching request to : (polling)'),
      ('AH00124', 'Request exceeded the limit of 10 internal redirects due to probable configuration error.'),
      ('AH01630', 'client denied by server configuration')]


def fam_ip(doc):
    rng, s = doc.rng, doc.site
    custs = [make_person(rng) for _ in range(rng.randint(3, 5))]
    t = doc.t
    blocks = []
    N = doc.N

    def cip(p=None, v6=None):
        p = p or rng.choice(custs)
        return doc.ip(p.ip) if v6 is None else doc.ip(rand_ipv6(rng, v6))

    kinds = ['apache_err', 'access', 'nginx_xff', 'server_dump', 'glued', 'v6forms', 'wordfence', 'cf', 'nginx_err']
    rng.shuffle(kinds)
    for kind in kinds[:rng.randint(5, 8)]:
        if kind == 'apache_err':
            lines = []
            for _ in range(rng.randint(2, 4)):
                t.tick(1, 300)
                code, msg = rng.choice(AH)
                v6 = rng.random() < 0.5
                ipv = doc.ip(rand_ipv6(rng, rng.choice(['compressed', 'zeros']))) if v6 else cip()
                port = rng.randint(1024, 65535)
                f = rng.choice(SM_FILES)[0]
                lines.append('%s [%s] [pid %d:tid %d] [client %s:%d] %s: %s in %s, referer: %s/%s/' % (
                    doc.ts('apache'), rng.choice(['proxy_fcgi:error', 'php:error', 'authz_core:error', 'core:error']),
                    rng.randint(1000, 60000), rng.randint(139000000000000, 140999999999999), ipv, port,
                    doc.K('error_code', code), msg, doc.path(f, rng.randint(10, 900)), s.url, rng.choice(['checkout', 'cart', 'my-account'])))
            blocks.append('/var/log/apache2/error.log:\n' + '\n'.join(lines))
        elif kind == 'access':
            lines = []
            for _ in range(rng.randint(3, 6)):
                t.tick(1, 60)
                p = rng.choice(custs)
                st = rng.choice(['200', '200', '302', '400', '403', '500', '502'])
                path = rng.choice(['/?wc-ajax=checkout', '/wp-json/sophmate/v1/chat', '/my-account/', '/wp-admin/admin-ajax.php',
                                   '/checkout/order-received/%d/?key=wc_order_%s' % (doc.order_no, rs(rng, 13))])
                lines.append('%s - - %s "%s %s HTTP/1.1" %s %d "%s/checkout/" "%s"' % (
                    cip(p), doc.ts('clf'), rng.choice(['GET', 'POST']), path, st, rng.randint(200, 90000), s.url,
                    doc.K('user_agent', p.ua)))
            blocks.append('access.log (combined):\n' + '\n'.join(lines))
        elif kind == 'nginx_xff':
            conf = ('log_format sophmate \'$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent \'\n'
                    '                    \'"$http_referer" "$http_user_agent" "$http_x_forwarded_for" rt=$request_time\';\n'
                    'location ~ \\.php$ {\n    proxy_set_header X-Real-IP $remote_addr;\n'
                    '    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    fastcgi_pass unix:/run/php/php%s-fpm.sock;\n}' % s.php[:3])
            doc.K('nginx_variable', '$proxy_add_x_forwarded_for')
            doc.K('nginx_variable', '$http_x_forwarded_for')
            lines = []
            for _ in range(rng.randint(2, 4)):
                t.tick(1, 60)
                p = rng.choice(custs)
                lb = N(rng.choice([s.server_ip, '10.0.%d.%d' % (rng.randint(0, 9), rng.randint(2, 250))]))
                chain = [cip(p)]
                if rng.random() < 0.5:
                    chain.append(N(cf_edge_ip(rng)))
                chain.append(lb)
                sep = rng.choice([', ', ',', ' , '])
                lines.append('%s - - %s "POST /wp-json/sophmate/v1/chat HTTP/2.0" %s %d "-" "%s" "%s" rt=0.%03d' % (
                    lb, doc.ts('clf'), rng.choice(['200', '429', '502']), rng.randint(100, 5000),
                    doc.K('user_agent', p.ua), sep.join(chain), rng.randint(10, 999)))
            blocks.append(conf + '\n\n' + '\n'.join(lines))
        elif kind == 'server_dump':
            p = rng.choice(custs)
            edge = N(cf_edge_ip(rng))
            pairs = [('HTTP_HOST', doc.K('domain', s.domain)), ('HTTP_USER_AGENT', doc.K('user_agent', p.ua)),
                     ('HTTP_X_FORWARDED_FOR', '%s, %s' % (cip(p), edge)), ('HTTP_CF_CONNECTING_IP', p.ip),
                     ('HTTP_X_REAL_IP', p.ip), ('HTTP_CF_RAY', '%s-%s' % (rs(rng, 16, HEX), rng.choice(['AMS', 'FRA', 'CDG', 'LHR', 'GRU', 'NRT']))),
                     ('REMOTE_ADDR', edge), ('REMOTE_PORT', str(rng.randint(1024, 65535))), ('SERVER_ADDR', N(s.server_ip)),
                     ('SERVER_SOFTWARE', 'nginx/1.%d.%d' % (rng.randint(18, 26), rng.randint(0, 4))),
                     ('REQUEST_URI', '/wp-json/sophmate/v1/chat'), ('REQUEST_METHOD', 'POST')]
            if rng.random() < 0.5:
                pairs.append(('HTTP_TRUE_CLIENT_IP', p.ip))
            rng.shuffle(pairs)
            if rng.random() < 0.5:
                body = 'Array\n(\n' + '\n'.join('    [%s] => %s' % kv for kv in pairs) + '\n)'
            else:
                body = '{' + ','.join('"%s":"%s"' % kv for kv in pairs) + '}'
            blocks.append('$_SERVER on the failing request:\n' + body)
        elif kind == 'glued':
            lines = []
            forms = ['wfBlocked_%s', 'rate_limit*%s*', 'login_fail(%s)', '[%s]', 'client_ip=%s&action=sophmate_chat',
                     '_transient_sophmate_throttle_%s', '"ip":"%s"', 'ip:%s;', 'from=%s', '<%s>', '{%s}', 'IP=%s,',
                     "'%s'", 'remote=%s:443']
            rng.shuffle(forms)
            for f in forms[:rng.randint(4, 7)]:
                t.tick(1, 500)
                lines.append('%s %s' % (doc.ts('wp'), rng.choice([
                    lambda: 'SophMate throttle key %s exceeded (%d/min)' % (f % cip(), rng.randint(20, 90)),
                    lambda: 'Wordfence: %s matched rule %d' % (f % cip(), rng.randint(100, 999)),
                    lambda: 'wc_rate_limit %s hits=%d' % (f % cip(), rng.randint(2, 30)),
                    lambda: 'session %s %s' % (rs(rng, 32, HEX), f % cip())])()))
            blocks.append('\n'.join(lines))
        elif kind == 'v6forms':
            lines = []
            p = rng.choice(custs)
            full = doc.ip(rand_ipv6(rng, 'full'))
            comp = doc.ip(rand_ipv6(rng, 'zeros'))
            mapped = doc.ip('::ffff:' + rand_ipv4(rng))
            br = doc.ip(rand_ipv6(rng, 'compressed'))
            zone = N('fe80::%x:%x:%x:%x%%%s' % (rng.randint(0, 0xffff), rng.randint(0, 0xffff), rng.randint(0, 0xffff),
                                                rng.randint(0, 0xffff), rng.choice(['eth0', 'ens3', 'enp1s0'])))
            lines += ['%s SophMate geo lookup for %s -> %s' % (doc.ts('iso'), full, rng.choice(sorted(COUNTRY_NAMES))),
                      '%s checkout from %s (%s)' % (doc.ts('iso'), comp, doc.order()),
                      '%s php-fpm peer %s' % (doc.ts('iso'), mapped),
                      '%s upstream connect from [%s]:%d' % (doc.ts('iso'), br, rng.randint(1024, 65535)),
                      '%s server listening on [%s]:443 (link-local, ignore)' % (doc.ts('iso'), zone)]
            rng.shuffle(lines)
            blocks.append('\n'.join(lines))
        elif kind == 'wordfence':
            lines = []
            for _ in range(rng.randint(2, 4)):
                p = rng.choice(custs)
                lines.append('%s | %s | %s | Blocked by Wordfence: %s | %s' % (
                    doc.ts('sql'), cip(p), rng.choice(['/wp-login.php', '/xmlrpc.php', '/?wc-ajax=checkout']),
                    rng.choice(['Rate limited', 'Brute force protection', 'Manual block']), doc.K('user_agent', p.ua)))
            blocks.append('Wordfence live traffic export:\n' + '\n'.join(lines))
        elif kind == 'cf':
            p = rng.choice(custs)
            v6 = doc.ip(rand_ipv6(rng, 'zeros'))
            blocks.append('Headers seen by PHP (Cloudflare in front):\nCF-Connecting-IP: %s\nX-Forwarded-For: %s, %s\n'
                          'CF-IPCountry: %s\nCF-Ray: %s-%s\nTrue-Client-IP: %s' % (
                              v6, v6, N(cf_edge_ip(rng)), p.country, rs(rng, 16, HEX), rng.choice(['AMS', 'FRA', 'GRU']), v6))
        elif kind == 'nginx_err':
            lines = []
            for _ in range(rng.randint(2, 3)):
                t.tick(1, 300)
                lines.append('%s [error] %d#%d: *%d FastCGI sent in stderr: "PHP message: %s" while reading response header '
                             'from upstream, client: %s, server: %s, request: "POST /wp-json/sophmate/v1/chat HTTP/2.0", '
                             'upstream: "fastcgi://unix:/run/php/php%s-fpm.sock:", host: "%s"' % (
                                 doc.ts('nginx'), rng.randint(100, 9999), rng.randint(0, 9), rng.randint(1000, 999999),
                                 doc.K('error_message', rng.choice(ERRMSG)), cip(), s.domain, s.php[:3], s.domain))
            blocks.append('\n'.join(lines))
    blocks = interleave(rng, blocks, noise(doc, rng.randint(2, 4)))
    intro = choose(rng, lambda: 'Rate limiting blocks real customers, logs below (server IP is %s, that one is ours)' % N(s.server_ip),
                   'Chat endpoint returns 429 for some visitors. Logs:', 'See client IPs in these logs')
    return intro + '\n\n' + '\n\n'.join(blocks) + '\n', 'log'


# ---------------- family: names in free text, many languages ----------------

INTRO = {
    'en': ['Hi!! {first} here', 'My name is {full}', 'This is {full} from {company}', 'Hello, {full} speaking',
           "hey it's {first} again", 'Good morning, {full} here'],
    'de': ['Hallo, ich bin {full}', 'Guten Tag, mein Name ist {full}', 'Hi, hier ist {first}', 'Moin, {first} hier'],
    'fr': ["Bonjour, je m'appelle {full}", "Bonjour, c'est {first}", 'Je suis {full}', 'Bonsoir, ici {full}'],
    'nl': ['Hoi, ik ben {full}', 'Goedemiddag, met {full}', 'Hallo, mijn naam is {full}'],
    'es': ['Hola, soy {full}', 'Buenas, me llamo {full}', 'Hola! Soy {first}'],
    'it': ['Ciao, sono {full}', 'Buongiorno, mi chiamo {full}', 'Salve, sono {first}'],
    'pt': ['Olá, meu nome é {full}', 'Oi, aqui é {first}', 'Bom dia, sou {full}'],
    'tr': ['Merhaba, ben {full}', 'İyi günler, adım {full}'],
    'ja': ['Konnichiwa! {full} to mōshimasu', 'Hello, this is {full}', 'Hajimemashite, {last} desu'],
    'in': ['Hi, I am {full}', 'Namaste, this is {full}', 'Good evening, myself {full}'],
    'pl': ['Dzień dobry, nazywam się {full}', 'Cześć, tu {first}'],
    'nordic': ['Hej! Jag heter {full}', 'Hei, mitt navn er {full}', 'Hej, jeg hedder {full}', 'Moi, olen {full}'],
}
SIGNOFF = {
    'en': ['Cheers,\n{full}', 'Best regards,\n{first}', 'Thanks!\n{first}', '— {full}', 'Kind regards\n\n{full}'],
    'de': ['Viele Grüße\n{full}', 'Mit freundlichen Grüßen\n{full}', 'LG {first}', 'Beste Grüße,\n{first}'],
    'fr': ['Cordialement,\n{full}', 'Bonne journée,\n{first}', 'Bien à vous,\n{full}'],
    'nl': ['Groetjes,\n{first}', 'Met vriendelijke groet,\n{full}', 'Mvg {full}'],
    'es': ['Saludos,\n{full}', 'Un saludo,\n{first}'],
    'it': ['Grazie mille,\n{full}', 'Cordiali saluti\n{full}'],
    'pt': ['Abraços,\n{first}', 'Atenciosamente,\n{full}'],
    'tr': ['Saygılarımla,\n{full}', 'Teşekkürler,\n{first}'],
    'ja': ['Yoroshiku onegaishimasu.\n{full}', 'Best regards,\n{full}'],
    'in': ['Regards,\n{full}', 'Thanks & Regards,\n{full}'],
    'pl': ['Pozdrawiam,\n{full}', 'Z poważaniem\n{full}'],
    'nordic': ['Mvh\n{full}', 'Med vänliga hälsningar,\n{full}', 'Ystävällisin terveisin,\n{full}', 'Venlig hilsen\n{first}'],
}
BOT = {
    'en': ['Thanks {first}! Let me look that up.', 'Sure thing, {first}.'], 'de': ['Danke, {first}! Ich schaue nach.'],
    'fr': ['Merci {first} ! Je regarde ça.'], 'nl': ['Dank je, {first}! Ik zoek het op.'],
    'es': ['¡Gracias, {first}! Lo reviso.'], 'it': ['Grazie {first}! Controllo subito.'],
    'pt': ['Obrigado, {first}! Vou verificar.'], 'tr': ['Teşekkürler {first}, hemen bakıyorum.'],
    'ja': ['{last}-san, arigatō gozaimasu. Checking now.'], 'in': ['Thank you {first}, checking.'],
    'pl': ['Dziękuję, {first}! Sprawdzam.'], 'nordic': ['Tack {first}! Jag kollar.'],
}
BODY = {
    'en': 'I ordered {order} last week and the chat assistant keeps telling me it cannot find it. You can reach me on {phone}.',
    'de': 'ich habe letzte Woche die Bestellung {order} aufgegeben, aber der Chat-Assistent findet sie nicht. Erreichbar unter {phone}.',
    'fr': "j'ai passé la commande {order} la semaine dernière mais l'assistant ne la trouve pas. Mon numéro : {phone}.",
    'nl': 'ik heb vorige week bestelling {order} geplaatst maar de chatbot kan hem niet vinden. Bel gerust: {phone}.',
    'es': 'hice el pedido {order} la semana pasada y el asistente no lo encuentra. Mi teléfono es {phone}.',
    'it': "ho fatto l'ordine {order} la settimana scorsa ma l'assistente non lo trova. Il mio numero è {phone}.",
    'pt': 'fiz o pedido {order} semana passada e o assistente não encontra. Meu telefone: {phone}.',
    'tr': 'geçen hafta {order} numaralı siparişi verdim ama asistan bulamıyor. Telefonum {phone}.',
    'ja': 'I placed order {order} but the bot says it does not exist. Denwa: {phone}.',
    'in': 'I had placed order {order} last week, kindly check the status. My mobile is {phone}.',
    'pl': 'złożyłam zamówienie {order} w zeszłym tygodniu, ale asystent go nie widzi. Mój numer: {phone}.',
    'nordic': 'jag beställde {order} förra veckan men chatten hittar inte ordern. Ring mig på {phone}.',
}
QUOTE = {
    'en': 'On {date}, {full} <{email}> wrote:', 'de': 'Am {date} schrieb {full} <{email}>:',
    'fr': 'Le {date}, {full} <{email}> a écrit :', 'nl': 'Op {date} schreef {full} <{email}>:',
    'es': 'El {date}, {full} (<{email}>) escribió:', 'it': 'Il giorno {date} {full} <{email}> ha scritto:',
    'pt': 'Em {date}, {full} <{email}> escreveu:', 'tr': '{date} tarihinde {full} <{email}> şunu yazdı:',
    'pl': '{date} {full} <{email}> napisał(a):', 'nordic': 'Den {date} skrev {full} <{email}>:',
    'ja': 'On {date}, {full} <{email}> wrote:', 'in': 'On {date}, {full} <{email}> wrote:',
}


def fill(doc, tpl, p, esc=None, company=None):
    """Fill {full} {first} {last} {phone} {email} {order} {company} and label what was used."""
    e = esc or (lambda x: x)
    out = tpl
    if '{full}' in out:
        out = out.replace('{full}', doc.name(p, esc))
    if '{first}' in out:
        out = out.replace('{first}', doc.first(p, esc))
    if '{last}' in out:
        out = out.replace('{last}', doc.last(p, esc))
    if '{phone}' in out:
        out = out.replace('{phone}', doc.phone(p, p.phone_nat if doc.rng.random() < .6 else p.phone, esc))
    if '{email}' in out:
        out = out.replace('{email}', doc.email(p, esc))
    if '{order}' in out:
        out = out.replace('{order}', doc.order('#%d', doc.rng.randint(1200, 98000)))
    if '{company}' in out:
        out = out.replace('{company}', e(doc.N(company or '%s %s' % (doc.rng.choice(COMPANY_WORDS), doc.rng.choice(COMPANY_SUFFIX[p.loc])))))
    return out


def fam_names(doc):
    rng, s = doc.rng, doc.site
    blocks = []
    owner = rng.choice(STAFF)
    doc.N(owner)
    kinds = rng.sample(['email', 'email', 'chat', 'json_note', 'conversation', 'forward'], rng.randint(3, 4))
    for kind in kinds:
        p = make_person(rng)
        loc = p.loc
        if kind in ('email', 'forward'):
            t = doc.t.tick(300, 90000)
            intro = fill(doc, rng.choice(INTRO[loc]), p, company=p.company or None)
            body = fill(doc, BODY[loc], p)
            sign = fill(doc, rng.choice(SIGNOFF[loc]), p)
            extra = ''
            if rng.random() < 0.5:
                extra = '\n%s, %s %s' % (doc.addr(p.address_1), p.postcode, p.city)
            sep = rng.choice(['. ', ', ', '!\n\n', ' -- '])
            msg = '%s%s%s%s\n\n%s' % (intro, sep, body[0].upper() + body[1:] if sep.endswith('\n') or sep == '. ' else body, extra, sign)
            if kind == 'email':
                hdr = 'From: %s <%s>\nTo: %s\nSubject: %s\nDate: %s\n' % (
                    doc.name(p), doc.email(p), doc.N(s.admin_email), rng.choice(['Bestellung', 'Order', 'Commande', 'Pedido',
                                                                                 'Sipariş', 'Zamówienie', 'Order']) + ' ' + doc.order(),
                    doc.ts('rfc'))
                blocks.append(hdr + '\n' + msg)
            else:
                if loc in ('en', 'ja', 'in'):
                    date = '%s, %d %s %d at %02d:%02d' % (t.dow(), t.d, MONTHS[t.mo - 1], t.y, t.h, t.mi)
                elif loc in ('de', 'nordic', 'pl', 'tr'):
                    date = '%02d.%02d.%d %02d:%02d' % (t.d, t.mo, t.y, t.h, t.mi)
                else:
                    date = '%02d/%02d/%d %02d:%02d' % (t.d, t.mo, t.y, t.h, t.mi)
                qh = QUOTE[loc].replace('{date}', date)
                qh = fill(doc, qh, p)
                quoted = '\n'.join('> ' + ln if ln else '>' for ln in msg.split('\n'))
                blocks.append('Hi, forwarding this from a customer, can you see why the bot fails?\n\n%s\n%s\n%s | %s, %s\n\n%s\n%s' % (
                    rng.choice(['--', '', '-- ']), owner, s.name, doc.N(s.store_addr), doc.N(s.store_city), qh, quoted))
        elif kind == 'chat':
            t = doc.t
            lines = []
            sid = rs(rng, 12, HEX)
            fmt = rng.choice(['[%s] %s: %s', '%s  %-8s %s', '%s | %s | %s'])
            who_v, who_b = rng.choice([('Visitor', 'SophMate'), ('guest-' + sid[:6], 'bot'), ('customer', 'assistant')])
            lines.append(fmt % (fmt_ts(rng, 'sql', t.tick(2, 60)), who_v, fill(doc, rng.choice(INTRO[loc]), p) + rng.choice(['', '!', '.', ' :)'])))
            lines.append(fmt % (fmt_ts(rng, 'sql', t.tick(2, 60)), who_b, fill(doc, rng.choice(BOT[loc]), p)))
            lines.append(fmt % (fmt_ts(rng, 'sql', t.tick(2, 60)), who_v, fill(doc, BODY[loc], p)))
            if rng.random() < 0.6:
                lines.append(fmt % (fmt_ts(rng, 'sql', t.tick(2, 60)), who_v, 'email is %s' % doc.email(p)))
            lines.append(fmt % (fmt_ts(rng, 'sql', t.tick(2, 60)), who_b, 'Sorry, something went wrong (%s). request %s' % (
                doc.K('error_code', 'SOPH-E%d' % rng.randint(1001, 1899)), doc.K('request_id', rid_uuid(rng)))))
            blocks.append('Transcript %s (session %s):\n%s' % (doc.K('request_id', 'conv_' + rs(rng, 20)), sid, '\n'.join(lines)))
        elif kind == 'json_note':
            asc = rng.random() < 0.5
            J = lambda v: json_str(v, ascii_only=asc)
            phone = doc.phone(p, p.phone_nat, J)
            name = doc.fullname('%s %s' % (p.first, p.last), J)
            note = 'Order note\\nName = %s\\nPhone = %s\\nAddress = %s\\nDeliver after 5pm' % (
                name, phone, doc.addr(p.address_1, J))
            blocks.append('woocommerce order note webhook payload:\n{"order_id":%s,"customer_note":"","note":"%s","added_by":"system","date_created":"%s"}' % (
                doc.K('order_number', str(doc.order_no)), note, doc.ts('iso')))
        else:
            asc = rng.random() < 0.6
            J = lambda v: json_str(v, ascii_only=asc)
            m1 = fill(doc, rng.choice(INTRO[loc]) + '. ' + BODY[loc][0].upper() + BODY[loc][1:], p, J)
            # m1 was filled with already-escaped labels; escape the rest of the text the same way
            m1 = json_escape_keep(m1, asc)
            m2 = json_escape_keep(fill(doc, rng.choice(BOT[loc]), p, J), asc)
            blocks.append('{"conversation_id":"%s","site":"%s","messages":[{"role":"user","content":"%s"},'
                          '{"role":"assistant","content":"%s"}],"model":"%s"}' % (
                              doc.K('request_id', rid_uuid(rng)), doc.K('domain', s.domain), m1, m2,
                              rng.choice(['mistral-large-latest', 'gpt-4o-mini', 'claude-3-5-haiku-latest', 'command-r-plus'])))
    blocks = interleave(rng, blocks, noise(doc, rng.randint(2, 4)))
    return '\n\n'.join(blocks) + '\n', 'txt'


def json_escape_keep(s, asc):
    """JSON-escape text whose labelled pieces are already escaped: escape only characters that the
    escaper would change, leaving backslash sequences produced by json_str intact."""
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s) and s[i + 1] in 'u"\\/bfnrt':
            if s[i + 1] == 'u':
                out.append(s[i:i + 6])
                i += 6
                continue
            out.append(s[i:i + 2])
            i += 2
            continue
        out.append(json_str(c, ascii_only=asc))
        i += 1
    return ''.join(out)


# ---------------- family: phone numbers in national formats ----------------

PHONE_LABEL = {'en': ['Phone:', 'Tel:', 'Mobile:', 'Cell:', 'Ph.'], 'de': ['Tel.:', 'Telefon:', 'Handy:', 'Mobil:', 'Tel.-Nr.'],
               'fr': ['Téléphone :', 'Tél. :', 'Portable :', 'Tel:'], 'nl': ['Telefoon:', 'Tel.:', 'Mobiel:', 'GSM:'],
               'es': ['Teléfono:', 'Tlf.:', 'Móvil:'], 'it': ['Telefono:', 'Tel.', 'Cellulare:'],
               'pt': ['Telefone:', 'Celular:', 'Tel.:', 'WhatsApp:'], 'tr': ['Telefon:', 'Cep:', 'Tel:'],
               'ja': ['電話:', 'TEL:', 'Keitai:'], 'in': ['Mobile No.:', 'Ph:', 'Contact:'], 'pl': ['Tel.:', 'Telefon:', 'Tel. kom.:'],
               'nordic': ['Tlf.:', 'Puh.:', 'Tel:', 'Mobil:']}
PHONE_PROSE = {
    'en': ['call me on {ph} after 6pm', 'my number is {ph} if the courier needs it', 'text {ph} please, not email'],
    'de': ['mein Handy ist {ph}, bitte vorher anrufen', 'rufen Sie mich unter {ph} an', 'Rückruf bitte an {ph}'],
    'fr': ['appelez-moi au {ph} svp', 'mon portable : {ph}', 'vous pouvez me joindre au {ph}'],
    'nl': ['bel me op {ph}', 'mijn nummer is {ph}', 'app even naar {ph}'],
    'es': ['mi número es {ph}', 'llámeme al {ph} por favor', 'whatsapp al {ph}'],
    'it': ['il mio numero è {ph}', 'mi chiami al {ph}', 'scrivetemi al {ph}'],
    'pt': ['ligue para {ph}', 'meu zap é {ph}', 'pode me ligar no {ph}'],
    'tr': ['beni {ph} numarasından arayabilirsiniz', 'telefonum {ph}'],
    'ja': ['電話番号は{ph}です', 'please call {ph} (mobile)'],
    'in': ['mera number {ph} hai, call karo', 'kindly call on {ph}', 'whatsapp me on {ph}'],
    'pl': ['proszę dzwonić pod {ph}', 'mój numer to {ph}'],
    'nordic': ['ring mig på {ph}', 'ring meg på {ph}', 'soita {ph}'],
}


def lookalikes(doc, k=None):
    """A keep value that looks like a phone number."""
    rng = doc.rng
    c = rng.randint(0, 11) if k is None else k
    if c == 0:
        return 'order ' + doc.order('#%d', rng.randint(10000, 99999))
    if c == 1:
        return 'invoice ' + doc.K('invoice_number', 'RE-%d-%05d' % (doc.t.y, rng.randint(1, 99999)))
    if c == 2:
        return 'took ' + doc.K('duration', '%d ms' % rng.randint(100, 99999))
    if c == 3:
        return 'peak memory ' + doc.K('byte_count', '%d bytes' % rng.choice([134217728, 268435456, 41943040, 73400320]))
    if c == 4:
        return 'SKU ' + doc.K('sku', '40%s' % rd(rng, 11))
    if c == 5:
        return 'tracking ' + doc.K('tracking_number', rng.choice(['00340434%s' % rd(rng, 12), '1Z%s%s' % (rs(rng, 6, UPPER_ALNUM), rd(rng, 10)),
                                                                  '3S%s%s' % (rs(rng, 4, string.ascii_uppercase), rd(rng, 7)),
                                                                  'JJD%s' % rd(rng, 18)]))
    if c == 6:
        return 'at ' + doc.ts('sql')
    if c == 7:
        return 'version ' + doc.K('version', '%d.%d.%d' % (rng.randint(1, 12), rng.randint(0, 20), rng.randint(0, 40)))
    if c == 8:
        return 'txn ' + doc.K('txn_id', non_luhn(rng))
    if c == 9:
        return 'unix time ' + doc.K('timestamp', str(rng.randint(1704067200, 1735603200)))
    if c == 10:
        return 'elapsed ' + doc.K('duration', '00:%02d:%02d.%03d' % (rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)))
    return 'order ' + doc.order('WC-%d-%%06d' % doc.t.y, rng.randint(1, 999999))


def fam_phones(doc):
    rng, s = doc.rng, doc.site
    people = [make_person(rng) for _ in range(rng.randint(5, 8))]
    for p in people:   # national formats, no country code
        p.phone = p.phone_nat
    blocks = []
    kinds = rng.sample(['csv', 'printr', 'labels', 'prose', 'sms', 'cf7', 'label_print'], rng.randint(4, 6))
    for kind in kinds:
        if kind == 'csv':
            sep = rng.choice([',', ';', '\t'])
            hdr = ['Order Number', 'Order Date', 'Billing First Name', 'Billing Last Name', 'Billing Phone', 'Shipping Postcode',
                   'Order Total', 'Item SKU']
            lines = [sep.join(hdr)]
            for p in rng.sample(people, min(len(people), rng.randint(3, 5))):
                doc.t.tick(100, 50000)
                ph = doc.phone(p)
                row = [doc.K('order_number', str(rng.randint(10000, 99999))), doc.ts('sql'), doc.first(p), p.last, ph,
                       p.postcode, doc.K('order_total', order_total(rng)), doc.K('sku', '40' + rd(rng, 11))]
                doc.R('customer', 'name', p.last)
                if sep == ',':
                    row = [('"%s"' % x if (',' in x or ' ' in x) else x) for x in row]
                lines.append(sep.join(row))
            blocks.append('orders-export-%d-%02d-%02d.csv:\n%s' % (doc.t.y, doc.t.mo, doc.t.d, '\n'.join(lines)))
        elif kind == 'printr':
            p = rng.choice(people)
            blocks.append('%s SophMate order context: Array\n(\n    [order_id] => %s\n    [billing] => Array\n        (\n'
                          '            [first_name] => %s\n            [last_name] => %s\n            [city] => %s\n'
                          '            [postcode] => %s\n            [phone] => %s\n        )\n\n    [created] => %s\n'
                          '    [duration_ms] => %s\n)' % (
                              doc.ts('wp'), doc.K('order_number', str(doc.order_no)), doc.first(p), doc.R('customer', 'name', p.last),
                              p.city, p.postcode, doc.phone(p), doc.ts('iso'), doc.K('duration', str(rng.randint(100, 9000)))))
        elif kind == 'labels':
            lines = []
            for p in rng.sample(people, min(len(people), rng.randint(3, 5))):
                lab = rng.choice(PHONE_LABEL[p.loc])
                sp = rng.choice([' ', '  ', '\t', ''])
                lines.append('%s%s%s   (%s)' % (lab, sp, doc.phone(p), lookalikes(doc)))
            blocks.append('Customer contact numbers from the order screens:\n' + '\n'.join(lines))
        elif kind == 'prose':
            lines = []
            for p in rng.sample(people, min(len(people), rng.randint(2, 4))):
                txt = rng.choice(PHONE_PROSE[p.loc]).replace('{ph}', doc.phone(p))
                lines.append('> %s — %s, %s' % (txt, lookalikes(doc), lookalikes(doc)))
            blocks.append('Notes customers left in the chat:\n' + '\n'.join(lines))
        elif kind == 'sms':
            lines = []
            for p in rng.sample(people, min(len(people), rng.randint(2, 4))):
                doc.t.tick(5, 600)
                lines.append('%s sms-notify: to=%s status=%s %s%s order=%s latency=%s' % (
                    doc.ts('iso'), doc.phone(p), rng.choice(['queued', 'sent', 'failed', 'undelivered']),
                    rng.choice(['sid=', 'MessageSid=', 'message ', 'twilio_sid=']),
                    doc.K('gateway_id', 'SM' + rs(rng, 32, HEX)), doc.order('#%d', rng.randint(10000, 99999)),
                    doc.K('duration', '%dms' % rng.randint(50, 3000))))
            blocks.append('\n'.join(lines))
        elif kind == 'cf7':
            p = rng.choice(people)
            L = {'de': ('Name', 'E-Mail', 'Telefon', 'Nachricht'), 'fr': ('Nom', 'Courriel', 'Téléphone', 'Message'),
                 'nl': ('Naam', 'E-mail', 'Telefoon', 'Bericht'), 'es': ('Nombre', 'Correo', 'Teléfono', 'Mensaje'),
                 'it': ('Nome', 'Email', 'Telefono', 'Messaggio'), 'pt': ('Nome', 'E-mail', 'Telefone', 'Mensagem'),
                 'pl': ('Imię i nazwisko', 'E-mail', 'Telefon', 'Wiadomość'), 'tr': ('Ad Soyad', 'E-posta', 'Telefon', 'Mesaj')
                 }.get(p.loc, ('Name', 'Email', 'Phone', 'Message'))
            blocks.append('Contact Form 7 submission (%s):\n%s: %s\n%s: %s\n%s: %s\n%s: %s\n\n-- \nThis e-mail was sent from a contact form on %s (%s)' % (
                doc.ts('rfc'), L[0], doc.name(p), L[1], doc.email(p), L[2], doc.phone(p), L[3],
                'Order %s arrived damaged, %s' % (doc.order(), lookalikes(doc)), s.name, s.url))
        else:
            p = rng.choice(people)
            blocks.append('Shipping label data sent to the carrier:\nSender: %s, %s, %s\nRecipient: %s\n%s\n%s %s\nPhone: %s\nWeight: %s\nReference: %s\nParcel: %s' % (
                s.name, doc.N(s.store_addr), doc.N(s.store_city), doc.name(p, full=p.first + ' ' + p.last), doc.addr(p.address_1), p.postcode, p.city, doc.phone(p),
                doc.K('weight', '%d.%d kg' % (rng.randint(0, 20), rng.randint(0, 9))), doc.order(),
                lookalikes(doc, 5)))
    blocks = interleave(rng, blocks, noise(doc, rng.randint(2, 5)))
    intro = rng.choice(['SMS notifications fail for some numbers (no country code stored). Data below.',
                        'The bot reads out wrong phone numbers; examples:', 'phone normalisation issue, raw data:'])
    return intro + '\n\n' + '\n\n'.join(blocks) + '\n', 'txt'


# ---------------- family: secrets in every assignment syntax ----------------

SLOTS = [('DB_PASSWORD', 'db_password'), ('SMTP_PASS', 'smtp_password'), ('REDIS_PASSWORD', 'redis_password'),
         ('FTP_PASS', 'ftp_password'), ('MAIL_PASSWORD', 'smtp_password'), ('BASIC_AUTH_PASS', 'http_password'),
         ('SOPHMATE_WEBHOOK_SECRET', 'webhook_secret'), ('WP_ADMIN_PASSWORD', 'wp_password'),
         ('MYSQL_ROOT_PASSWORD', 'db_password'), ('SFTP_PASSWORD', 'ftp_password')]
NO_Q1 = "'\\"
NO_Q2 = '"\\$`!'
SHELLSAFE = "'\"\\$`!&;|<>()#{}* ~^%="


def camel(key):
    w = key.lower().split('_')
    return w[0] + ''.join(x.capitalize() for x in w[1:])


def fam_secrets(doc):
    rng, s = doc.rng, doc.site
    blocks = []

    def pw(kind, avoid='', style=None, cat='credential'):
        return doc.R(cat, kind, human_password(rng, avoid, style))

    def slot():
        k, kind = rng.choice(SLOTS)
        return doc.K('config_key', k), kind

    snippets = ['php_concat', 'go_short', 'go_var', 'makefile', 'bnf', 'shell', 'dotenv', 'yaml', 'compose', 'toml',
                'ini', 'json', 'php_array', 'define', 'xml_multi', 'dotnet', 'prose', 'prose', 'gateway_env']
    rng.shuffle(snippets)
    for sn in snippets[:rng.randint(7, 10)]:
        if sn == 'php_concat':
            var = rng.choice(['$pass', '$smtp_pass', '$db_pass', '$auth'])
            if rng.random() < 0.5:
                a = pw('smtp_password', NO_Q1 + '.', 'word')
                b = pw('smtp_password', NO_Q1, 'braces')
                blocks.append("// wp-content/mu-plugins/smtp.php\n%s  = '%s';\n%s .= '%s';   // second half from the old host\n$phpmailer->Password = %s;" % (var, a, var, b, var))
            else:
                blocks.append("%s = '';\n%s .= '%s';\n$phpmailer->Username = '%s';" % (var, var, pw('smtp_password', NO_Q1), doc.N('mailer@' + s.bare)))
        elif sn == 'go_short':
            k, kind = rng.choice(SLOTS)
            ident = doc.K('identifier', camel(k))
            blocks.append('// cmd/sync/main.go\nfunc main() {\n\tdbHost := os.Getenv("DB_HOST")\n\t%s := "%s"\n\tdsn := fmt.Sprintf("%%s:%%s@tcp(%%s)/%s", "%s", %s, dbHost)\n\tlog.Printf("connecting to %%s", dbHost)\n}' % (
                ident, pw(kind, NO_Q1 + '"%'), s.db_name, s.db_user, ident))
        elif sn == 'go_var':
            k, kind = rng.choice(SLOTS)
            form = rng.randint(0, 2)
            ident = doc.K('identifier', camel(k)) if form < 2 else None
            if form == 0:
                blocks.append('var %s string = "%s"' % (ident, pw(kind, '"\\')))
            elif form == 1:
                blocks.append('const %s = "%s" // TODO move to env' % (ident, pw(kind, '"\\')))
            else:
                blocks.append('cfg := Config{\n\tHost:     "%s",\n\tUser:     "%s",\n\tPassword: "%s",\n\tTimeout:  30 * time.Second,\n}' % (
                    doc.N(s.server_ip), s.db_user, pw(kind, '"\\')))
        elif sn == 'makefile':
            k, kind = slot()
            op = rng.choice(['?=', ':=', '=', '?='])
            blocks.append('# Makefile\n%s %s %s\nDB_HOST ?= 127.0.0.1\n\ndeploy:\n\trsync -az ./ %s@%s:%s\n\tmysql -h $(DB_HOST) -p$(%s) < migrate.sql' % (
                k, op, pw(kind, '$#\\\'"` ', rng.choice(['word', 'worddigits', 'season', 'phrase'])), s.shell_user,
                doc.N(s.server_ip), s.root, k))
        elif sn == 'bnf':
            blocks.append('From the integration spec the customer sent (their notation):\n  <auth>     ::= <username> ":" <password>\n  username   ::= "%s"\n  password   ::= %s' % (
                rng.choice(['sophmate', 'shopbot', 'api']), rng.choice(['"%s"', '%s']) % pw('http_password', '" ')))
        elif sn == 'shell':
            form = rng.randint(0, 3)
            if form == 0:
                k, kind = slot()
                blocks.append("$ export %s='%s'\n$ wp eval 'echo getenv(\"%s\") ? \"set\" : \"missing\";'\nset" % (k, pw(kind, "'"), k))
            elif form == 1:
                blocks.append('$ mysql -h 127.0.0.1 -u %s -p\'%s\' %s -e "SHOW TABLES LIKE \'%%sophmate%%\'"' % (
                    s.db_user, pw('db_password', "'"), s.db_name))
            elif form == 2:
                blocks.append('$ PGPASSWORD=%s psql -h db.internal -U shop -c "select 1"' % pw('db_password', SHELLSAFE))
            else:
                k, kind = slot()
                blocks.append('export %s="%s"' % (k, pw(kind, NO_Q2 + ' ')))
        elif sn == 'dotenv':
            lines = ['# .env (staging)', 'DB_NAME=%s' % s.db_name, 'DB_USER=%s' % s.db_user,
                     '%s=%s' % (doc.K('config_key', 'DB_PASSWORD'), pw('db_password', SHELLSAFE, rng.choice(['word', 'word', 'worddigits']))),
                     'DB_HOST=localhost', 'WP_ENV=staging', 'WP_HOME=%s' % s.url]
            if rng.random() < 0.6:
                lines.append('%s=%s' % (doc.K('config_key', 'SMTP_PASSWORD'), pw('smtp_password', SHELLSAFE)))
            blocks.append('\n'.join(lines))
        elif sn == 'yaml':
            v = pw('db_password', "'")
            q = "'%s'" % v if re.search(r'[^A-Za-z0-9_.-]', v) or rng.random() < .3 else v
            blocks.append('# config/sophmate.yml\ndatabase:\n  host: localhost\n  user: %s\n  %s: %s\nmailer:\n  user: %s\n  secret: "%s"' % (
                s.db_user, doc.K('config_key', rng.choice(['password', 'pass', 'db_password'])), q, doc.N('mailer@' + s.bare),
                pw('smtp_password', '"\\')))
        elif sn == 'compose':
            blocks.append('services:\n  db:\n    image: mariadb:10.11\n    environment:\n      MYSQL_DATABASE: %s\n      MYSQL_USER: %s\n      %s: %s\n  wordpress:\n    environment:\n      - WORDPRESS_DB_PASSWORD=%s' % (
                s.db_name, s.db_user, doc.K('config_key', 'MYSQL_PASSWORD'), pw('db_password', SHELLSAFE + ':'),
                pw('db_password', SHELLSAFE + ':')))
        elif sn == 'toml':
            blocks.append('[database]\nhost = "localhost"\nname = "%s"\nuser = "%s"\npassword = "%s"\n\n[smtp]\nport = 587\npassword = "%s"' % (
                s.db_name, s.db_user, pw('db_password', '"\\'), pw('smtp_password', '"\\')))
        elif sn == 'ini':
            blocks.append('# ~/.my.cnf\n[client]\nuser=%s\npassword=%s\nhost=localhost\n\n[mysqldump]\nsingle-transaction' % (
                s.db_user, pw('db_password', '#; "\'\\')))
        elif sn == 'json':
            blocks.append('{\n  "smtp": {\n    "host": "smtp.%s",\n    "port": 587,\n    "username": "%s",\n    "%s": "%s"\n  },\n  "debug": false\n}' % (
                rng.choice(['mailgun.org', 'sendgrid.net', 'office365.com', 'ionos.de']), doc.N('orders@' + s.bare),
                doc.K('config_key', rng.choice(['password', 'smtp_pass', 'pass'])), pw('smtp_password', '"\\')))
        elif sn == 'php_array':
            blocks.append("return array(\n\t'driver'   => 'mysql',\n\t'host'     => 'localhost',\n\t'database' => '%s',\n\t'username' => '%s',\n\t'%s' => '%s',\n);" % (
                s.db_name, s.db_user, doc.K('config_key', 'password'), pw('db_password', NO_Q1)))
        elif sn == 'define':
            q = rng.choice(["'", '"'])
            sp = rng.choice([' ', ''])
            val = pw('db_password', NO_Q1 + '"$')
            blocks.append("define(%s%sDB_NAME%s, %s%s%s%s);\ndefine(%s%sDB_USER%s, %s%s%s%s);\ndefine(%s%s%s%s,%s%s%s%s%s);\ndefine( 'DB_HOST', 'localhost' );" % (
                sp, q, q, q, s.db_name, q, sp, sp, q, q, q, s.db_user, q, sp, sp, q, doc.K('config_key', 'DB_PASSWORD'), q,
                sp or '', q, val, q, sp))
        elif sn == 'xml_multi':
            ind = rng.choice(['    ', '\t', '  '])
            blocks.append('<!-- sophmate-connector.xml -->\n<connector>\n%s<endpoint>%s/wp-json/sophmate/v1</endpoint>\n%s<username>sync</username>\n%s<password>\n%s%s%s\n%s</password>\n</connector>' % (
                ind, s.url, ind, ind, ind, ind, pw('http_password', '<>&\'" '), ind))
        elif sn == 'dotnet':
            db = doc.K('connection_param', 'Database=%s' % s.db_name)
            blocks.append('<configuration>\n  <appSettings>\n    <add key="ShopUrl" value="%s" />\n    <add key="%s" value="%s"/>\n  </appSettings>\n  <connectionStrings>\n    <add name="ShopDb" connectionString="Server=db01.internal;User Id=%s;Password=%s;%s" providerName="System.Data.SqlClient" />\n  </connectionStrings>\n</configuration>' % (
                s.url, doc.K('config_key', rng.choice(['Password', 'SmtpPassword', 'ApiPassword'])), pw('smtp_password', ';"\'<>&= '),
                s.db_user, pw('db_password', ';"\'<>&= '), db))
        elif sn == 'prose':
            forms = ["the password is '{v}'", 'pw: {v}', 'login with {u} / {v}', 'mot de passe : {v}', 'Passwort lautet {v}',
                     'la contraseña es {v}', 'a senha é {v}', 'wachtwoord: {v}', 'şifre: {v}', 'hasło: {v}',
                     'lösenord: {v}', 'password = {v} (temporary, will change after)', 'user {u}, pass {v}']
            lines = []
            for f in rng.sample(forms, rng.randint(2, 4)):
                v = pw(rng.choice(['wp_password', 'ftp_password', 'http_password']), "'\" ", rng.choice([None, 'word', 'season', 'worddigits']))
                lines.append(f.replace('{v}', v).replace('{u}', rng.choice(['admin', 'support', s.admin_login])))
            blocks.append('Access for your team:\n' + '\n'.join('- ' + x for x in lines))
        else:
            c1, k1, v1 = tok(rng, rng.choice(['stripe_secret_key', 'stripe_webhook_secret', 'paypal_client_secret', 'square_access_token', 'flutterwave_secret']))
            c2, k2, v2 = tok(rng, rng.choice(['openai', 'anthropic', 'groq', 'mistral', 'cohere']))
            env1 = {'stripe_secret_key': 'STRIPE_SECRET_KEY', 'stripe_webhook_secret': 'STRIPE_WEBHOOK_SECRET',
                    'paypal_client_secret': 'PAYPAL_CLIENT_SECRET', 'square_access_token': 'SQUARE_ACCESS_TOKEN',
                    'flutterwave_secret': 'FLW_SECRET_KEY'}[k1]
            env2 = {'openai': 'OPENAI_API_KEY', 'anthropic': 'ANTHROPIC_API_KEY', 'groq': 'GROQ_API_KEY',
                    'mistral': 'MISTRAL_API_KEY', 'cohere': 'CO_API_KEY'}[k2]
            blocks.append('%s=%s\n%s="%s"' % (doc.K('config_key', env1), doc.R(c1, k1, v1), doc.K('config_key', env2), doc.R(c2, k2, v2)))
    blocks = interleave(rng, blocks, noise(doc, rng.randint(2, 4)))
    intro = rng.choice(['Config files from the server (customer asked us to check the SophMate connector setup):',
                        'Everything I could find related to the mailer/DB settings', 'pasting the configs as requested'])
    return intro + '\n\n' + '\n\n'.join(blocks) + '\n', 'txt'


# ---------------- family: tokens that identify themselves (no key word before them) ----------------

BARE_KINDS = ['slack_app_token', 'slack_bot_token', 'discord_bot_token', 'telegram_bot_token', 'gitlab_token',
              'azure_client_secret', 'google_oauth_secret', 'google_access_token', 'facebook_token', 'easypost_key',
              'flutterwave_secret', 'mailchimp_key', 'brevo_key', 'twilio_api_key', 'digitalocean_token',
              'cloudflare_origin_ca_key', 'password_hash', 'password_hash', 'openai', 'anthropic', 'gemini', 'groq',
              'huggingface', 'replicate', 'perplexity', 'xai']


class LazyTs:
    """A timestamp that is made (and labelled) only when formatted into the text."""
    def __init__(self, doc, kind):
        self.doc, self.kind, self.v = doc, kind, None

    def __str__(self):
        if self.v is None:
            self.v = self.doc.ts(self.kind)
        return self.v


def bare_context(doc, kind, v):
    """A line placing token v with no key word right before it."""
    rng, s = doc.rng, doc.site
    tsk = rng.choice(['wp', 'iso'])
    ts = LazyTs(doc, tsk)
    if kind == 'telegram_bot_token' and rng.random() < 0.6:
        return '%s SophMate notify: POST https://api.telegram.org/bot%s/sendMessage?chat_id=-100%s&text=New+order+%%23%d -> %s' % (
            ts, v, rd(rng, 10), doc.order_no, doc.K('http_status', 'HTTP/1.1 %s %s' % rng.choice(HTTP)))
    if kind == 'gitlab_token' and rng.random() < 0.5:
        return '$ git clone https://oauth2:%s@gitlab.com/%s/theme-child.git' % (v, s.base)
    if kind == 'password_hash' and rng.random() < 0.5:
        return '%s | %s | %s' % (rng.randint(2, 900), rng.choice(['shopmgr', 'editor2', s.admin_login]), v)
    forms = [
        lambda: '%s %s' % (ts, 'SophMate outbound integration using %s' % v),
        lambda: 'I think this is the one from the old developer: %s' % v,
        lambda: '    %s' % v,
        lambda: '- %s  (rotated %d-%02d-%02d?)' % (v, doc.t.y, doc.t.mo, doc.t.d),
        lambda: '%s [%s] loaded %s from the legacy options table' % (ts, doc.K('plugin_slug', rng.choice(PLUGIN_SLUGS)), v),
        lambda: 'found in wp_options row %d: %s' % (rng.randint(100, 99999), v),
        lambda: '"%s"' % v,
        lambda: '%s worker[%d]: init ok, creds=%s ttl=3600' % (ts, rng.randint(1, 64), v),
        lambda: 'can you check whether %s is still valid? it started failing after the update to %s' % (v, doc.K('version', s.sm)),
        lambda: '`%s`' % v,
    ]
    return rng.choice(forms)()


def fam_bare(doc):
    rng, s = doc.rng, doc.site
    kinds = rng.sample(BARE_KINDS, rng.randint(8, 12))
    lines = []
    for k in kinds:
        c, kind, v = tok(rng, k)
        doc.R(c, kind, v)
        lines.append(bare_context(doc, kind, v))
    # PayPal NVP call in a query string
    if rng.random() < 0.7:
        user = doc.N('%s_api1.%s' % (rng.choice(['payments', 'shop', 'billing']), s.bare))
        c, k, sig = tok(rng, 'paypal_nvp_signature')
        c2, k2, pwd = tok(rng, 'paypal_nvp_password')
        doc.R(c, k, sig)
        doc.R(c2, k2, pwd)
        lines.append('%s PayPal Standard NVP request: https://api-3t.paypal.com/nvp?METHOD=RefundTransaction&VERSION=204.0&USER=%s&PWD=%s&SIGNATURE=%s&TRANSACTIONID=%s' % (
            doc.ts('wp'), urllib.parse.quote(user, safe=''), pwd, sig, doc.K('gateway_id', rs(rng, 17, UPPER_ALNUM))))
    # look-alikes that must survive
    la = [lambda: 'git %s' % doc.K('git_sha', rs(rng, 40, HEX)),
          lambda: 'asset %s' % doc.K('asset_hash', rs(rng, 32, HEX)),
          lambda: 'message %s' % doc.K('gateway_id', 'SM' + rs(rng, 32, HEX)),
          lambda: 'request %s' % doc.K('request_id', rid_uuid(rng)),
          lambda: 'completion %s' % doc.K('request_id', 'chatcmpl-' + rs(rng, 29)),
          lambda: 'anthropic message %s' % doc.K('request_id', 'msg_01' + rs(rng, 22)),
          lambda: 'shipment %s' % doc.K('gateway_id', 'shp_' + rs(rng, 32, HEX)),
          lambda: 'charge %s' % doc.K('gateway_id', 'ch_3' + rs(rng, 23)),
          lambda: 'txn %s' % doc.K('txn_id', non_luhn(rng))]
    for _ in range(rng.randint(4, 7)):
        doc.t.tick(1, 120)
        lines.insert(rng.randint(0, len(lines)), '%s id check: %s' % (doc.ts('iso'), rng.choice(la)()))
    for n in noise(doc, rng.randint(3, 5)):
        lines.insert(rng.randint(0, len(lines)), n)
    intro = rng.choice(['Customer pasted their whole "integrations" note into the ticket. Relevant part:',
                        'grep -r output from wp-content (they asked why the bot leaks stuff):',
                        'Things found in the old theme functions.php and logs'])
    return intro + '\n\n' + '\n'.join(lines) + '\n', 'txt'


# ---------------- family: context across lines ----------------

def fam_context(doc):
    rng, s = doc.rng, doc.site
    prompt = rng.choice(['%s@%s:~/%s$ ' % (s.shell_user, s.host, rng.choice(['public_html', 'www', 'htdocs'])),
                         '$ ', '[%s@%s html]$ ' % (s.shell_user, s.host), '%s:%s# ' % (s.host, s.root)])
    blocks = []
    acts = ['cohere', 'mistral', 'db', 'eleven', 'pinecone', 'yaml', 'angle', 'angle', 'kube', 'pgpass', 'redis',
            'config_list', 'var_dump', 'users', 'deepseek', 'twilio']
    rng.shuffle(acts)
    for a in acts[:rng.randint(6, 9)]:
        if a == 'cohere':
            c, k, v = tok(rng, 'cohere')
            opt = doc.K('option_name', rng.choice(['sophmate_cohere_key', 'sophmate_cohere_api_key']))
            blocks.append('%swp option get %s\n%s' % (prompt, opt, doc.R(c, k, v)))
        elif a == 'mistral':
            c, k, v = tok(rng, 'mistral')
            opt = doc.K('option_name', rng.choice(['sophmate_mistral_key', 'sophmate_mistral_api_key']))
            fmtj = rng.random() < 0.4
            blocks.append('%swp option get %s%s\n%s' % (prompt, opt, ' --format=json' if fmtj else '',
                                                       ('"%s"' if fmtj else '%s') % doc.R(c, k, v)))
        elif a == 'db':
            v = doc.R('credential', 'db_password', human_password(rng, ' ', rng.choice(['word', 'worddigits', 'random'])))
            blocks.append('%swp config get %s\n%s' % (prompt, doc.K('config_key', 'DB_PASSWORD'), v))
        elif a == 'eleven':
            c, k, v = tok(rng, 'elevenlabs_legacy')
            blocks.append("%secho $ELEVENLABS_API_KEY\n%s\n%swp option get sophmate_tts_voice\n%s" % (
                prompt, doc.R(c, k, v), prompt, rs(rng, 20)))
        elif a == 'pinecone':
            c, k, v = tok(rng, 'pinecone_legacy')
            blocks.append('%swp option pluck sophmate_settings vector_store api_key\n%s\n%swp option pluck sophmate_settings vector_store index\nshop-kb-%s' % (
                prompt, doc.R(c, k, v), prompt, rs(rng, 5, LOWER_ALNUM)))
        elif a == 'yaml':
            c, k, v = tok(rng, rng.choice(['mistral', 'cohere']))
            blocks.append('%swp option get sophmate_settings --format=yaml\nprovider: %s\nmodel: %s\napi_key: %s\ntemperature: 0.3\nmax_tokens: 800' % (
                prompt, k, rng.choice(['mistral-small-latest', 'command-r']), doc.R(c, k, v)))
        elif a == 'angle':
            k = rng.choice(['mistral', 'cohere', 'deepseek', 'elevenlabs_legacy'])
            c, kind, v = tok(rng, k)
            vendor = {'mistral': 'Mistral', 'cohere': 'Cohere', 'deepseek': 'DeepSeek', 'elevenlabs_legacy': 'ElevenLabs'}[k]
            blocks.append(rng.choice(['%s key <%s>', 'our %s one is <%s>, the other provider is not used',
                                      '%s:\n    %s', 'for %s we use\n%s\n(not sure it is still active)']) % (vendor, doc.R(c, kind, v)))
        elif a == 'kube':
            v = doc.R('credential', 'db_password', human_password(rng, "'\" %"))
            blocks.append("%skubectl get secret wp-db -o jsonpath='{.data.password}' | base64 -d\n%s%s" % (
                prompt, v, rng.choice(['', '%', '\n'])))
        elif a == 'pgpass':
            v = doc.R('credential', 'db_password', human_password(rng, ': \\'))
            blocks.append('%scat ~/.pgpass\ndb.internal:5432:%s:%s:%s' % (prompt, s.db_name, s.db_user, v))
        elif a == 'redis':
            v = doc.R('credential', 'redis_password', human_password(rng, '" \\'))
            blocks.append('%sredis-cli CONFIG GET requirepass\n1) "requirepass"\n2) "%s"' % (prompt, v))
        elif a == 'config_list':
            rows = [('DB_NAME', s.db_name, None), ('DB_USER', s.db_user, None),
                    ('DB_PASSWORD', human_password(rng, ' |'), ('R', 'credential', 'db_password')), ('DB_HOST', 'localhost', None)]
            for key in rng.sample(['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'NONCE_SALT'], 2):
                v = tok(rng, 'wp_salt')[2].replace('|', '!')
                while v != v.strip():
                    v = tok(rng, 'wp_salt')[2].replace('|', '!')
                rows.append((key, v, ('R', 'credential', 'wp_salt')))
            for key, _, _ in rows:
                doc.K('config_key', key)
            body = render_rows(doc, 'table', 'config', ['name', 'value', 'type'], [[(k, None), (v, lab), ('constant', None)] for k, v, lab in rows])
            blocks.append('%swp config list --fields=name,value,type\n%s' % (prompt, body))
        elif a == 'var_dump':
            c, k, v = tok(rng, rng.choice(['mistral', 'cohere', 'elevenlabs_legacy']))
            blocks.append('%swp eval \'var_dump(get_option("%s"));\'\nstring(%d) "%s"' % (
                prompt, doc.K('option_name', 'sophmate_%s_key' % k.split('_')[0]), len(v), doc.R(c, k, v)))
        elif a == 'users':
            ps = [make_person(rng) for _ in range(rng.randint(2, 3))]
            rows = [[rng.randint(2, 5000), (p.username, USERNAME), (p.email, EMAIL), ('%s %s' % (p.first, p.last), FULL)] for p in ps]
            blocks.append('%swp user list --role=customer --fields=ID,user_login,user_email,display_name\n%s' % (
                prompt, render_rows(doc, 'table', 'users', ['ID', 'user_login', 'user_email', 'display_name'], rows)))
        elif a == 'deepseek':
            c, k, v = tok(rng, 'deepseek')
            blocks.append('%sgrep -n deepseek wp-content/uploads/sophmate/provider-cache.json\n%d:    "deepseek": {"key": "%s", "model": "deepseek-chat"},' % (
                prompt, rng.randint(2, 90), doc.R(c, k, v)))
        else:
            v = doc.R('credential', 'twilio_auth_token', rs(rng, 32, HEX))
            sid = doc.N('AC' + rs(rng, 32, HEX))
            blocks.append('%swp option get sms_notify_twilio --format=json\n{"account_sid":"%s","from":"+1%s","auth":"%s"}' % (
                prompt, sid, rd1(rng, 10), v))
    blocks = interleave(rng, blocks, ['%stail -n 3 wp-content/debug.log\n%s' % (prompt, '\n'.join(noise(doc, 3)))])
    intro = rng.choice(['Terminal session from the customer (they ran the commands we asked for):',
                        'Output of the diagnostics you asked for', 'shell history + output'])
    return intro + '\n\n' + '\n'.join(blocks) + '\n' + prompt.rstrip() + '\n', 'txt'


FAMILIES = [('wxr_export', fam_wxr), ('sql_meta', fam_sql_meta), ('mysqldump', fam_mysqldump),
            ('checkout_html', fam_checkout_html), ('ip_addresses', fam_ip), ('names_freetext', fam_names),
            ('national_phones', fam_phones), ('secret_assignments', fam_secrets), ('bare_tokens', fam_bare),
            ('context_lines', fam_context)]


# --------------------------------------------------------------------------------------------
# Self-check of one file, and the driver
# --------------------------------------------------------------------------------------------

def caught(value, out):
    if len(value) < PROBE:
        return value not in out
    return not any(value[i:i + PROBE] in out for i in range(len(value) - PROBE + 1))


def grams(v):
    return {v[i:i + PROBE] for i in range(len(v) - PROBE + 1)}


def check_doc(text, doc):
    errs = []
    rem, keep = doc.remove, doc.keep
    for v in rem:
        if v not in text:
            errs.append('remove value not in file: %r' % v)
    for v in keep:
        if v not in text:
            errs.append('keep value not in file: %r' % v)
        if v in rem:
            errs.append('value both keep and remove: %r' % v)
    if errs:
        return errs
    occ = []
    for v in rem:
        for m in re.finditer(re.escape(v), text):
            occ.append((m.start(), m.end(), v))
    for v in rem:
        if len(v) >= PROBE:
            continue
        for m in re.finditer(re.escape(v), text):
            a, b = m.span()
            emb = (v[0].isalnum() and a > 0 and text[a - 1].isalnum()) or \
                  (v[-1].isalnum() and b < len(text) and text[b].isalnum())
            if emb and not any(s0 <= a and b <= e0 and len(w) > len(v) for s0, e0, w in occ):
                errs.append('short remove value inside a longer word: %r in %r' % (v, text[max(0, a - 15):b + 15]))
                break
    for k in keep:
        for r in rem:
            if (len(r) < PROBE and r in k) or k in r or (len(r) >= PROBE and grams(r) & grams(k)):
                errs.append('keep %r overlaps remove %r' % (k, r))
    for n in doc.neutral:
        for r in rem:
            if (len(r) < PROBE and r in n) or (len(r) >= PROBE and grams(r) & grams(n)):
                errs.append('neutral %r contains remove %r' % (n, r))
    # a perfect redactor: replace exactly the remove values (longest first)
    red = text
    for r in sorted(rem, key=len, reverse=True):
        red = red.replace(r, '[R]')
    for r in rem:
        if not caught(r, red):
            errs.append('remove value not caught by exact replacement: %r' % r)
    for k in keep:
        if k not in red:
            errs.append('keep value lost by exact replacement: %r' % k)
    return errs


def verify(text, remove, keep):
    """Assertions on the labels as written: present verbatim, no keep/remove overlap, and an exact
    replacement of the remove values catches them all and keeps every keep value."""
    rv = [r['value'] for r in remove]
    kv = [k['value'] for k in keep]
    for v in rv + kv:
        assert v in text, 'label not in file: %r' % v
    for k in kv:
        for r in rv:
            assert not (k in r or (len(r) < PROBE and r in k) or (len(r) >= PROBE and grams(r) & grams(k))), (k, r)
    red = text
    for r in sorted(set(rv), key=len, reverse=True):
        red = red.replace(r, '[R]')
    assert all(caught(r, red) for r in rv)
    assert all(k in red for k in kv)


def build_file(seed, index, family, fn, max_attempts=60):
    last = None
    for attempt in range(max_attempts):
        rng = random.Random('%s/%d/%d' % (seed, index, attempt))
        site = Site(rng)
        doc = Doc(rng, site, family, family)
        text, ext = fn(doc)
        errs = check_doc(text, doc)
        if not errs:
            # sample keep labels: at most KEEP_CAP per kind
            by_kind = {}
            for v, k in doc.keep.items():
                by_kind.setdefault(k, []).append(v)
            keep = []
            for k in sorted(by_kind):
                vs = by_kind[k]
                if len(vs) > KEEP_CAP:
                    vs = rng.sample(vs, KEEP_CAP)
                keep += [{'kind': k, 'value': v} for v in vs]
            remove = [{'category': c, 'kind': k, 'value': v} for v, (c, k) in doc.remove.items()]
            return text, ext, remove, keep, attempt
        last = errs
    raise RuntimeError('file %d (%s) failed its self-check %d times; last errors: %s' % (index, family, max_attempts, last[:5]))


def main(argv=None):
    ap = argparse.ArgumentParser(description='Generate labelled support evidence by family.')
    ap.add_argument('--out', required=True, help='output folder (created)')
    ap.add_argument('--seed', required=True, help='any string; same seed, same corpus')
    ap.add_argument('--files', type=int, default=60)
    ap.add_argument('--families', help='comma-separated subset of: ' + ', '.join(f for f, _ in FAMILIES))
    ap.add_argument('--quiet', action='store_true')
    a = ap.parse_args(argv)
    fams = list(FAMILIES)
    if a.families:
        want = [x.strip() for x in a.families.split(',') if x.strip()]
        unknown = set(want) - {f for f, _ in FAMILIES}
        if unknown:
            ap.error('unknown families: %s' % ', '.join(sorted(unknown)))
        fams = [f for f in FAMILIES if f[0] in want]
    order = list(fams)
    random.Random('%s/order' % a.seed).shuffle(order)
    os.makedirs(a.out, exist_ok=True)
    files = {}
    retries = 0
    for i in range(a.files):
        fam, fn = order[i % len(order)]
        text, ext, remove, keep, attempt = build_file(a.seed, i, fam, fn)
        retries += attempt
        verify(text, remove, keep)
        name = '%03d-%s.%s' % (i + 1, fam.replace('_', '-'), ext)
        data = text.encode('utf-8')
        with open(os.path.join(a.out, name), 'wb') as fh:
            fh.write(data)
        files[name] = {'template': fam, 'family': fam, 'bytes': len(data), 'remove': remove, 'keep': keep}
    labels = {'format': 1, 'seed': a.seed, 'set': 'families', 'probe_length': PROBE, 'categories': CATEGORIES,
              'generator': 'tests/families/generate.py', 'files': files}
    with open(os.path.join(a.out, 'labels.json'), 'w', encoding='utf-8') as fh:
        json.dump(labels, fh, ensure_ascii=False, indent=1)
        fh.write('\n')
    if not a.quiet:
        nrem = sum(len(f['remove']) for f in files.values())
        nkeep = sum(len(f['keep']) for f in files.values())
        size = sum(f['bytes'] for f in files.values())
        print('wrote %d files (%.2f MB), %d remove and %d keep labels, %d rebuilds, to %s' % (
            len(files), size / 1e6, nrem, nkeep, retries, a.out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
