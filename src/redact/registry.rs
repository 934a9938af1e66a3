//! Every rule the engine applies, as data: the self-identifying tokens of
//! [`super::token_rules`] and the rules of the other detectors (fields,
//! structures, prose), each with its id, what it finds, and its own examples
//! and non-examples. `runbook rules` lists them; one test runs every example
//! through the whole engine and checks that the rule named finds it.
//!
//! In an example, `«…»` marks the value the rule must remove; without marks
//! the whole example is the value. A non-example is text the rule must not
//! fire on.

use serde::Serialize;

use super::{Category, Kind, Profile};

/// A detector's rule, as `runbook rules` shows it.
pub(crate) struct DetectorRule {
    pub id: &'static str,
    pub kinds: &'static [Kind],
    /// What the rule reads, in a few words.
    pub anchor: &'static str,
    pub profile: Profile,
    pub examples: &'static [&'static str],
    pub non_examples: &'static [&'static str],
}

const fn detector(
    id: &'static str,
    kinds: &'static [Kind],
    anchor: &'static str,
    examples: &'static [&'static str],
    non_examples: &'static [&'static str],
) -> DetectorRule {
    DetectorRule {
        id,
        kinds,
        anchor,
        profile: Profile::Standard,
        examples,
        non_examples,
    }
}

use Kind::*;

/// The rules of every detector but the token table, grouped by category.
pub(crate) const DETECTOR_RULES: &[DetectorRule] = &[
    // Credentials.
    detector(
        "url-credentials",
        &[Password],
        "user:password@ in a URL or DSN",
        &[
            "mysql://shop:«Wq8!vLx2pR»@db.internal:3306/wp",
            "ftp://deploy:«s3cretPass9»@files.example.net/",
        ],
        &["https://example.com/path?x=1"],
    ),
    detector(
        "curl-user",
        &[Password],
        "curl -u / --user",
        &["curl -u admin:«Hunter2Hunter2» https://shop.example/wp-json/wc/v3/orders"],
        &[],
    ),
    detector(
        "sshpass-password",
        &[Password],
        "sshpass -p",
        &["sshpass -p '«Zebra7Quartz»' ssh deploy@203.0.113.5"],
        &[],
    ),
    detector(
        "lftp-password",
        &[Password],
        "lftp -u user,password",
        &["lftp -u deploy,«Qq7-lftp-Pw» sftp://files.example.net"],
        &[],
    ),
    detector(
        "login-pair",
        &[Password],
        "a user and password given together",
        &[
            "log in with 'admin' / '«Summer2024!x»'",
            "- login with admin / «cardamom»",
            "you can log in as support / «biscotti53» until Friday",
            "- login with admin / «glühwein»",
            "creds: shopmanager / «Tr0mb0ne-55»",
            "sign in with ops@example.com / «lantern»",
            "login with ops / «anchor-walnut-tide»",
        ],
        &[
            "log in with email / password",
            "login with Google / Apple works",
            "rotate the credentials / tokens / keys",
        ],
    ),
    detector(
        "mysql-password",
        &[Password],
        "mysql -p with the password glued on",
        &["mysql -u root -p«R00tPass!x» wordpress"],
        &[
            "mysql -u root -p wordpress",
            "mysql -h $(DB_HOST) -p$(MYSQL_ROOT_PASSWORD) < migrate.sql",
        ],
    ),
    detector(
        "powershell-secure-string",
        &[Password],
        "the plain text PowerShell turns into a secure string",
        &[
            "$pw = ConvertTo-SecureString -String \"«gH8u_j6t?Qr-G6M»\" -AsPlainText -Force",
            "ConvertTo-SecureString '«Winter2024!»' -AsPlainText -Force",
        ],
        &["$pw = ConvertTo-SecureString -String $env:SQL_PASSWORD -AsPlainText"],
    ),
    detector(
        "aws-secret-beside-key-id",
        &[AwsSecretKey],
        "forty base64 after an access key id",
        &[
            "AKIADQKZMQWH5SEGS4AQ:«wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEK2»",
            // The secret opens with a `/`, after a ` / ` separator.
            "runs with `AKIADQKZMQWH5SEGS4AQ` / `«/Qm9vK2xZ8pLr4Tn7Wb1Hc5Jd3Fg6Ys0Aq9Ve2Ux»` today",
        ],
        &[],
    ),
    detector(
        "smtp-auth-login",
        &[Password],
        "base64 lines after SMTP AUTH LOGIN",
        &[
            "C: AUTH LOGIN\nS: 334 VXNlcm5hbWU6\nC: c2hvcEBleGFtcGxlLmNvbQ==\nS: 334 UGFzc3dvcmQ6\nC: «U3VwZXJTZWNyZXQxMjM=»",
        ],
        &[],
    ),
    detector(
        "smtp-auth-plain",
        &[BasicAuth],
        "SMTP AUTH PLAIN",
        &["C: AUTH PLAIN «AHNob3BAZXhhbXBsZS5jb20AU3VwZXJTZWNyZXQxMjM=»"],
        &[],
    ),
    detector(
        "sql-identified-by",
        &[Password],
        "IDENTIFIED BY in SQL",
        &["CREATE USER 'wp'@'localhost' IDENTIFIED BY '«Mx9-pw-Lq2»';"],
        &[],
    ),
    detector(
        "keyword-value",
        &[Password, Secret, Mistral, Cohere],
        "a secret word, then its value in prose",
        &[
            "the cohere key is «k2V9qLm3Xw8Rt5Yb1Nc7Pz4Hd6Fg0Js2Aq9We3T»",
            "the password is '«blooberry»'",
            "la contraseña es «lirio.gaviota.cobre»",
            "a senha é '«mangrove»'",
            "het wachtwoord is \"«tulpen»\"",
            "- la contraseña es «lingonberry»",
            "Passwort lautet «Sommer2025*»",
            "- user webmaster, pass «periwinkle»",
            "sendgrid token - «q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3Gd6Fj0Pa»",
            "FTP password – «Kq7!vB2m9»",
        ],
        &[
            "token - expired, ask the customer for a new one",
            "password – reset by the customer",
            "the password is required",
            "password combination.",
            "you can pass options to the CLI",
            "password = env.SHOP_TEST_PASSWORD",
            "user guide, pass the test",
            "The password is too short for this site",
        ],
    ),
    detector(
        "key-below-provider",
        &[Mistral, Cohere, OpenAi, ElevenLabs],
        "a key alone on its line below a provider's name",
        &["for Mistral we use\n«pxRWaoqufoNjDI5ofbC5QP05l7XiL9Z7»"],
        &[
            "Mistral request id:\nchatcmpl-8f14e45fceea167a5a36dedd4bea2543",
            "for Mistral we use\nmistral-large-latest",
            "OpenAI request\n6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
        ],
    ),
    detector(
        "key-beside-provider",
        &[Mistral, Cohere, OpenAi, ElevenLabs],
        "a key in angle brackets after a provider's name",
        &["our Cohere one is <«Zq8Lm2Xv9Rt4Yb7Nc1Pw5Hd3Fg6Js0AqKe2TuVw»>, the other is unused"],
        &[
            "Cohere model <command-r-plus-08-2024>",
            "OpenAI request <6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f>",
        ],
    ),
    detector(
        "labelled-password",
        &[Password],
        "a password label, then the value",
        &[
            "Password for shop admin: «Tr0ub4dor&3x»",
            "the password for shop admin: «Tr0ub4dor&3x» (rotated)",
        ],
        &[
            "Password for shop admin: see the vault",
            "Passwort: geändert",
            "password: required for login",
        ],
    ),
    detector(
        "auth-scheme",
        &[BasicAuth, Token],
        "an Authorization scheme, then the credential",
        &["sent Bearer «q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3Gd6Fj0Pa» to the API"],
        &["Bearer realm=\"api\""],
    ),
    detector(
        "pem-private-key",
        &[PrivateKey],
        "the body of a PEM private key",
        &[
            "-----BEGIN PRIVATE KEY-----\n«MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7»\n-----END PRIVATE KEY-----",
        ],
        &[],
    ),
    detector(
        "php-call-argument",
        &[Password],
        "the password argument of a WordPress call",
        &["wp_authenticate_username_password( NULL, 'admin', '«Lq8-pw-Zx3»' )"],
        &[],
    ),
    detector(
        "redis-auth",
        &[Password],
        "the password of Redis's AUTH at the redis-cli prompt, in HELLO, or in MONITOR's lines",
        &[
            "127.0.0.1:6379> AUTH «Fennel-Moth-38»",
            "1712345678.120044 [0 10.0.0.5:51234] \"auth\" \"ops\" \"«Quillwort_71»\"",
        ],
        &["AUTH failed for user ops"],
    ),
    detector(
        "password-option",
        &[Password, Secret, Token, ApiKey],
        "a program's password option or argument, what a command line pipes into a program \
         that reads a password, or a long option named as a credential, then the value",
        &[
            "redis-cli -h 10.0.0.5 -a «jackfruit9» ping",
            "7z a -p«celery77» backup.7z public_html",
            "deploy.sh --db-pass «pecan9» --host db",
            "htpasswd -b /etc/nginx/.htpasswd admin «quince42»",
            "echo 'deploy:«guava321»' | chpasswd",
        ],
        &[
            "docker run -p 8080:80 wordpress",
            "zip -r site.zip public_html",
            "htpasswd -D /etc/nginx/.htpasswd admin",
        ],
    ),
    detector(
        "prompt-answer",
        &[Password],
        "what a script sends a program after waiting for a prompt that names a password \
         (expect, pexpect)",
        &[
            "expect \"password:\"\nsend \"«Kestrel#Loam62»\\r\"",
            "child.expect('Passphrase for key:')\nchild.sendline('«Umber Finch 9»')",
        ],
        &["expect \"login:\"\nsend \"deploy\\r\""],
    ),
    detector(
        "signing-key",
        &[Secret],
        "the literal in the key's place of a call that signs or checks a token or a \
         message with it (JWT libraries, HMAC functions)",
        &[
            "jwt.sign(payload, '«Kestrel-Moor-8812»', { expiresIn: '1h' })",
            "$sig = hash_hmac('sha256', $body, '«Grebe!Tarn67»');",
            "t.SignedString([]byte(\"«Ferret_Dune_907»\"))",
        ],
        &["jwt.sign(payload, process.env.JWT_SECRET)"],
    ),
    detector(
        "credential-by-variable",
        &[Password, Secret, Token, ApiKey],
        "a credential field set from a variable, then what the variable was given",
        &[
            "$part = '«quokka»';\n$mail->Password = $part;",
            "X='«lavender»'\nmysql -u shop -p\"$X\" shop",
            "creds = \"«marmalade»\"\nconnect(host=\"db\", password=creds)",
        ],
        &["$part = $_POST['part'];\n$mail->Password = $part;"],
    ),
    detector(
        "xmlrpc-password",
        &[Password],
        "the password param of an XML-RPC call",
        &[
            "<methodCall><methodName>wp.getUsersBlogs</methodName><params><param><value><string>admin</string></value></param><param><value><string>«Xr7-pw-Kq1»</string></value></param></params></methodCall>",
        ],
        &[],
    ),
    detector(
        "wp-application-password",
        &[WpAppPassword],
        "a WordPress application password",
        &["application password «abcd EFGH 1234 ijkl MNOP 5678»"],
        &[],
    ),
    detector(
        "wp-salt-define",
        &[WpSalt],
        "the eight WordPress keys and salts",
        &["define( 'AUTH_KEY', '«h7$Qx!d9 Lm^2@pR*zV&c4#Ty8+wB%e1kN6oJ3uS5»' );"],
        &[],
    ),
    detector(
        "field:password",
        &[Password],
        "a field named like a password",
        &[
            "DB_PASSWORD=«Xk9-pw-Lq2»",
            "'password' => '«blue-Heron-42»',",
            "DB_PASSWORD=«whiteduke»",
            "- wachtwoord: «quokka»",
            "şifre: «Hiver2020$»",
            "$pass .= '«Hunter2xx»';",
            "dbPass := \"«Hunter2xx»\"",
            "var dbPassword string = \"«Hunter2xx»\"",
            "PASSWORD ?= «Hunter2xx»",
            "<add key=\"Password\" value=\"«Xk9pw2Lq»\"/>",
            "<config>\n  <password>\n    «s3cr3tPw»\n  </password>\n</config>",
            "Server=db1;User ID=sa;Password=«Xk9pw2Lq»;Database=wcshop;",
            // A variable set for one command: the plain word is its password.
            "$ PGPASSWORD=«heliotrope» psql -h db.internal -U shop",
            "sudo -u www-data MYSQL_PWD=«quince» mysqldump shop",
            "REDISCLI_AUTH=«marzipan» redis-cli -h cache INFO",
            // The label alone on its line, the value below it.
            "Username: shopkeeper\nPassword:\n  «w1nter-Plum!»",
            "cache:6379> HGETALL sess:1\n1) \"db_password\"\n2) \"«fig-Tart!9»\"",
            "password: «$E2{q--8fjw93kd}%»",
        ],
        &[
            "password_reset_url=https://shop.example/lost",
            "Password:\n  host: db1",
            "Password: incorrect",
            "password: see the vault",
            "the Password=required check runs before save",
        ],
    ),
    detector(
        "field:password-array",
        &[Password],
        "a password in a [user, password] pair",
        &["REDIS_PASSWORD = ['default', '«Redis-Pw-77q»']"],
        &[],
    ),
    detector(
        "field:login-and-secret",
        &[Password, Secret, Token, ApiKey],
        "the secret of a (login, secret) pair an HTTP client is given",
        &[
            "requests.post(url, auth=(\"api\", \"«key-7Hq2Lm9Vx4Tn»\"))",
            "'auth' => ['shop', '«Quince-Harbor-61»'],",
            "session.auth = ('ck_8d1e', '«cs_Wv3Ny7Pq2Rt5»')",
        ],
        &["'auth' => ['shop', getenv('SHOP_PASS')],"],
    ),
    detector(
        "field:secret",
        &[Secret, Token, ApiKey, Cookie, GatewayKey],
        "a field named like a key or token, holding a generated value",
        &[
            "api_token: «q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3Gd6Fj0Pa»",
            "METHOD=DoDirectPayment&USER=shop_api1.example.com&PWD=x&SIGNATURE=«A4K-qov5CcGAODkhxDZdST5j7z.LF64ldu.Ho0G6tAbC»&VERSION=204",
        ],
        &["token_type: Bearer"],
    ),
    detector(
        "field:provider-key",
        &[Cohere, Mistral],
        "a field named after an AI provider",
        &[
            "\"cohere\": \"«k2V9qLm3Xw8Rt5Yb1Nc7Pz4Hd6Fg0Js2Aq9We3T»\"",
            // The provider alone on its line as a label, its key below.
            "Cohere:\n    «yOEI5Q7II3LnKXTgOekZ2A8W1JCN1F2EyHRE1IdB»",
        ],
        &["\"mistral\": \"mistral-large-latest\""],
    ),
    detector(
        "field:authorization",
        &[BasicAuth, Token],
        "an Authorization field",
        &["Authorization: Bearer «q8Zr2Lk9Vx4Tn7Bw1Mc5Hs3Gd6Fj0Pa»"],
        &[],
    ),
    DetectorRule {
        profile: Profile::Strict,
        ..detector(
            "strict:secret-field",
            &[Password, Secret, Token, ApiKey],
            "any value of a secret-sounding field (leak gate only)",
            &["api_key: «ab-12»"],
            &[],
        )
    },
    DetectorRule {
        profile: Profile::Strict,
        ..detector(
            "high-entropy",
            &[HighEntropy],
            "any long random token (leak gate only)",
            &["blob «Zq8Lm2Xv9Rt4Yb7Nc1Pw5Hd3Fg6Js0Aq»"],
            &["commit 9fceb02d0ae598e95dc970b74767f19372d61af8"],
        )
    },
    // Payment.
    detector(
        "card-number",
        &[CardNumber],
        "13–19 digits that pass Luhn and an issuer's range",
        &["card «4111 1111 1111 1111» declined"],
        &["transaction 4111111111111112"],
    ),
    detector(
        "iban",
        &[Iban],
        "an IBAN that passes mod-97",
        &[
            "IBAN «DE89 3704 0044 0532 0130 00»",
            "refund to «NL81-RABO-0312-3456-78»",
        ],
        &["IBAN ES92-2100-0418-4502-0005-1332"],
    ),
    detector(
        "cvv-in-prose",
        &[Cvv],
        "a CVV label, then three or four digits",
        &["CVV «123»"],
        &[],
    ),
    detector(
        "field:card-number",
        &[CardNumber],
        "a card-number field",
        &["card[number]=«4242+4242+4242+4242»"],
        &[],
    ),
    detector(
        "field:card-expiry",
        &[CardExpiry],
        "a card-expiry field",
        &["\"exp_date\": \"«12/29»\""],
        &[],
    ),
    detector(
        "field:cvv",
        &[Cvv],
        "a CVV field",
        &["\"cvc\": \"«314»\""],
        &[],
    ),
    detector(
        "field:iban",
        &[Iban],
        "an IBAN field",
        // A valid IBAN is the `iban` rule's; the field takes a mistyped one too.
        &["\"iban\": \"«DE00123456789012345678»\""],
        &[],
    ),
    // Customer details.
    detector(
        "email",
        &[Email],
        "an email address",
        &["from «ana.lima@example.org» at 10:02"],
        &[],
    ),
    detector(
        "ip-address",
        &[Ip],
        "an IPv4 or IPv6 address",
        &[
            "client «203.0.113.42» blocked",
            "[client «2001:db8::1021»]",
            "[client «2001:db8:85a3:8d3:1319:8a2e:370:7348»:44585] AH01071",
            "wfBlocked_«203.0.113.9»",
            "X-Forwarded-For: «203.0.113.9», «198.51.100.4»",
        ],
        &["WordPress 6.8.1 and PHP 8.2.12"],
    ),
    detector("field:ip", &[Ip], "an IP field", &["ip: «10.1.2.3»"], &[]),
    detector(
        "phone-national",
        &[Phone],
        "a number in a national phone layout, with no word before it",
        &[
            "2024-06-21T06:51:55Z courier-notify: «91 550 06 85» status=sent",
            "> ring meg på «09 5371 3564» — took 81478 ms",
            "«0917 123 4567»",
            "(4197, 'billing', '«(11) 93630-5326»')",
            "denwa mo OK «070-4550-1209»",
        ],
        &[
            "at 2024-06-11 10:22:31, 11.06.2024",
            "peak memory 134 217 728 bytes, took 81478 ms",
            "order 0412 555 0132, SKU 4091757104908, unix time 1704295839",
            "version 10.15.7.2024, host 192.168.10.200",
        ],
    ),
    detector(
        "phone-international",
        &[Phone],
        "a phone number with its country code",
        &["Mobile Ana Lima («+44 20 7946 0958»)"],
        &[],
    ),
    detector(
        "phone-in-prose",
        &[Phone],
        "a phone number after words that announce one, in several languages",
        &[
            "you can call me on «020 7946 0958»",
            "Ring mig på «076 336 08 06».",
            "mój numer to «12 606 66 61» — version 7.20.34",
            "appelez-moi au «02.01.24.49.96» svp",
            "Tlf.:«776538114»",
            "Bitte vorher anrufen: «709332191»",
        ],
        &[
            "call wp_insert_post() at 2024-06-11",
            "bitte anrufen 10 - 12 Uhr",
        ],
    ),
    detector(
        "phone-message-recipient",
        &[Phone],
        "the recipient of a text message, on a messaging service's log line",
        &[
            "sms-notify: to=«934 03 643» status=queued",
            "2024-02-17 twilio send to=«764568471» status=failed",
        ],
        &["sms batch to=20240611 done", "sms retries=3 to=1500ms"],
    ),
    detector(
        "phone-beside-email",
        &[Phone],
        "a phone number beside an email",
        &["contact: ana.lima@example.org, «0612345678»"],
        &[],
    ),
    detector(
        "phone-beside-name",
        &[Phone],
        "a phone number beside a name",
        &["Ana Lima («07700 900123»)"],
        &[],
    ),
    detector(
        "phone-below-label",
        &[Phone],
        "a phone number on the line under its label",
        &["Phone:\n«020 7946 0958»"],
        &[],
    ),
    detector(
        "field:phone",
        &[Phone],
        "a phone field",
        &[
            "\"billing_phone\": \"«07700 900123»\"",
            "<p class=\"woocommerce-customer-details--phone\">«612334455»</p>",
            "<li><strong>Telefon:</strong> <span class=\"text\">«711 22 33 44»</span></li>",
        ],
        &[
            "\"phone\": \"\"",
            "<span class=\"phone-icon\">Call us</span>",
        ],
    ),
    detector(
        "name-in-prose",
        &[Name],
        "a person's name after words that introduce one, in several languages",
        &[
            "Thanks, «Ana Lima»",
            "Hej! Jag heter «Aino Rasmussen»",
            "Ciao, sono «Giulia Bianchi»",
            "Merci «Camille» !",
            "Hi!! «Tabitha» here :)",
            "Best regards,\n«Aino Rasmussen»",
            r#"{"content":"ad\u0131m «Ay\u015fe Bozkurt». Ge\u00e7en"}"#,
            "Good morning, «Harriet MacLeod» here. I ordered",
            "Goedemiddag, met «Jasper van der Veldstra»!",
            "Cześć, tu «Bartłomiej»",
            "Moi, olen «Aino Lehtonen» :)",
            "Konnichiwa! «KOBAYASHI Haruto» to mōshimasu.",
            "SophMate: «HATTORI»-san, arigatō",
            "Bonsoir, ici «Maëlle d'Estrées»",
            "They call me Mr. «May»",
            "Good morning, «Orla Brennan-McGuire» here.",
            "Je suis «Anaïs DE LA FONTAINE» !",
        ],
        &[
            "HTTP-san wa dame",
            "Mr. The",
            "Thanks,\nThe SophMate team",
            "Hej! Jag heter",
            "Click Here",
            "Details: Settings here",
        ],
    ),
    detector(
        "name-by-given-name",
        &[Name],
        "a full name anywhere in prose, known by a common given name in the customers' languages",
        &[
            "I emailed «Peter Novak» yesterday",
            "Forwarded to «Tomasz Kowalski» in billing",
            "Please ring «Siobhán O’Loughlin» before delivery",
            "Escalated by «Jean-Pierre Lefèvre» (L2)",
            "for «María del Carmen Ortega».",
        ],
        &[
            "Ring Front Desk if late",
            "shipped from San Diego Warehouse",
            "the Amelia Booking plugin",
            "Sakura Trading VOF",
            "Mark Complete",
        ],
    ),
    detector(
        "mime-encoded-name",
        &[Name],
        "a mail header's display name in MIME encoded words",
        &["From: «=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?=» <jm@mail.example>"],
        &["Subject: =?UTF-8?Q?Ihre_Bestellung_ist_unterwegs?="],
    ),
    detector(
        "name-in-address-block",
        &[Name],
        "the name heading an address block",
        &["Ship to:\n«Ana Lima»\n221B Baker Street\nLondon NW1 6XE"],
        &[],
    ),
    detector(
        "field:name",
        &[Name],
        "a name field",
        &[
            "\"billing_first_name\": \"«Ana»\"",
            "<wp:meta_key><![CDATA[_billing_first_name]]></wp:meta_key>\n<wp:meta_value><![CDATA[«Ana»]]></wp:meta_value>",
            "<input type=\"text\" value=\"«Ana»\" name=\"billing_first_name\" id=\"billing_first_name\">",
            "<input value='«Niamh O&#039;Dowd»' name='billing_last_name' />",
            "<p>Billing name: <strong>«Ines Duarte»</strong></p>",
            "payment_status=Completed&last_name=«Schr%F6der»&txn_type=web_accept",
            "1043,\"{\"\"first_name\"\":\"\"«Zofia»\"\",\"\"city\"\":\"\"Gdańsk\"\"}\"",
        ],
        &["\"methodName\": \"wp.getUsersBlogs\""],
    ),
    detector(
        "field:login",
        &[Username],
        "a customer's login name in WordPress's tables and fields",
        &[
            "INSERT INTO `wp_users` VALUES (3,'«ana_lima»','$P$BE1jw.58cyeTCfZP4IAC2FguNDBHszU','ana-lima','ana@example.org','','2024-01-01 00:00:00','',0,'Ana Lima');",
            "user_id,meta_key,meta_value\n352,nickname,«lasse394»",
        ],
        &["username=admin status=failed"],
    ),
    detector(
        "sql-lookup",
        &[Name],
        "a name searched for in SQL",
        &["SELECT ID FROM wp_users WHERE display_name LIKE '%«Rosa Vidal»%';"],
        &[],
    ),
    detector(
        "street-address",
        &[Address],
        "a street line: number and street word",
        &[
            "ship to «221B Baker Street», London",
            "«Atatürk Cad. No:71 D:12» Kadıköy",
            "«ul. Mickiewicza 139/27», Warszawa",
            "«Norregata 50», Bergen",
            "spedire a «Via dei Mille 57/C», Torino",
        ],
        &["String 5 chars", "the Aggregate 12 rows"],
    ),
    detector(
        "block-address",
        &[Address],
        "an address written as a block and number",
        &["«1-2-3 Roppongi», Minato-ku"],
        &["version 1-2-3"],
    ),
    detector(
        "unit-address",
        &[Address],
        "an apartment or unit line",
        &[
            "«Flat 4B, 12 Rua Augusta»",
            "«H.No. 6-5-210/B, Road No. 13, Jubilee Hills»",
            "«No. 88, 6th Main Road, Koramangala»",
            "Kavya Rao<br/>«No. 31, 4th Cross Road»<br/>Malleshwaram",
            "«17, 3rd Main Road, Indiranagar»",
        ],
        &[
            "Unit 3, tests passed",
            "Ticket No. 4471, refund issued",
            "2, Court order attached",
        ],
    ),
    detector(
        "address-block",
        &[Address],
        "the lines of an address block",
        &[
            "Shipping address:\nAna Lima\n«12 Rua Augusta»\n1100-053 Lisboa\nPortugal",
            "Recipient: Kaito Kobayashi\n«Harbour View Cottage 4»\nPort Isaac PL29 3RH\nPhone:",
        ],
        &["Recipient: all admins\nQueue 4 drained"],
    ),
    detector(
        "name-above-street",
        &[Name],
        "the name above a street line with its town below, no heading",
        &[
            "«Oskar Lindqvist»\nStorgatan 21\n114 55 Stockholm",
            "<address>«Ines Duarte»<br/>Avenida da Liberdade 110<br/>1250-146 Lisboa</address>",
            "> «Aoife Byrne»\n> 7 Lower Baggot Street\n> Dublin D02 X285",
            "formatted_billing=«Imogen Thorpe»<br/>7 Saddler Row<br/>Harrogate<br/>HG1 4QS",
        ],
        &["Status: shipped\n12 Mill Lane\n10115 Berlin"],
    ),
    detector(
        "name-before-street",
        &[Name],
        "the name just before a street on its line, after a comma or `at`",
        &[
            "Error 500: ship to «Oskar Lindqvist», Storgatan 21, card ending 4242",
            "Deliver to: «Mary O'Neill», 14 Quay Street",
        ],
        &["Kestrel Analytics Ltd, 12 Mill Lane"],
    ),
    detector(
        "locality-after-street",
        &[Address],
        "the postcode and town after a street on its line",
        &["Deliver to: Mary O'Neill, 14 Quay Street, «Galway H91 E2K4»"],
        &["ship to 12 Mill Lane, order 4411 today"],
    ),
    detector(
        "street-above-locality",
        &[Address],
        "a street line between a name and a postal code and town",
        &["Zofia Kaczmarek\n«Lipowa 7»\n20-019 Lublin\nPolska"],
        &["Zofia Kaczmarek\nBuild 7\nVersion 2 of 3"],
    ),
    detector(
        "locality-below-street",
        &[Address],
        "the town, region and postcode below a street line alone",
        &[
            "Oskar Lindqvist\nStorgatan 21\n«114 55 Stockholm»\nSverige",
            "Dwayne Porter\n900 Ridge Road\nApt 12\n«Akron, OH 44308-1121»",
            "Imogen Thorpe\n7 Saddler Row\n«Harrogate»\nNorth Yorkshire\nHG1 4QS",
            "Matteo Galli<br/>Via Roma 14<br/>«50123»<br/>Firenze<br/>FI<br/>Italy",
        ],
        &[
            "12 Mill Lane\nOrder 4411 was late",
            "Lars Berg\n12 Mill Lane\nRetry 3 of 5 failed\n40121",
        ],
    ),
    detector(
        "address-in-prose",
        &[Address],
        "an address after words that introduce one",
        &["I live at «12 Rua Augusta»"],
        &[],
    ),
    detector(
        "field:address",
        &[Address],
        "an address field",
        &["\"billing_address_1\": \"«12 Rua Augusta»\""],
        &["\"address\": {"],
    ),
    detector(
        "known-value",
        &[Name, Email, Phone, Address, Ip, Password, ApiKey],
        "a value found once, found again anywhere",
        &[
            "\"billing_first_name\": \"Ana\"\nthe order of «Ana» was paid",
            // An international number is known by its national part too.
            "\"billing_phone\": \"0034 709332191\"\nthe driver has «709332191» on file",
        ],
        &[],
    ),
];

/// One rule as `runbook rules` lists it.
#[derive(Debug, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub categories: Vec<Category>,
    pub kinds: Vec<Kind>,
    pub anchor: String,
    pub examples: usize,
    pub non_examples: usize,
    /// `strict` rules run only in the leak gate.
    pub profile: &'static str,
}

/// Every rule of the engine, token rules first.
pub fn rules() -> Vec<RuleInfo> {
    let mut out: Vec<RuleInfo> = Vec::new();
    for t in super::token_rules::token_rules() {
        // A rule with two spellings (a webhook URL, escaped or not) is one rule.
        if let Some(r) = out.iter_mut().find(|r| r.id == t.id) {
            r.examples += t.examples.len();
            r.non_examples += t.non_examples.len();
            continue;
        }
        out.push(RuleInfo {
            id: t.id,
            categories: vec![t.kind.category()],
            kinds: vec![t.kind],
            anchor: format!("prefix {}", t.prefixes.join(" ")),
            examples: t.examples.len(),
            non_examples: t.non_examples.len(),
            profile: "standard",
        });
    }
    for d in DETECTOR_RULES {
        out.push(RuleInfo {
            id: d.id,
            categories: categories_of(d.kinds),
            kinds: d.kinds.to_vec(),
            anchor: d.anchor.to_string(),
            examples: d.examples.len(),
            non_examples: d.non_examples.len(),
            profile: match d.profile {
                Profile::Standard => "standard",
                Profile::Strict => "strict",
            },
        });
    }
    out
}

fn categories_of(kinds: &[Kind]) -> Vec<Category> {
    let mut out: Vec<Category> = kinds.iter().map(|k| k.category()).collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;
    use std::ops::Range;

    use super::super::Engine;
    use super::super::token_rules::token_rules;
    use super::*;

    /// The example without its marks, and the marked range (all of it when unmarked).
    fn unmark(example: &str) -> (String, Range<usize>) {
        match (example.find('«'), example.find('»')) {
            (Some(open), Some(close)) => {
                let text = example.replace(['«', '»'], "");
                (text, open..close - '«'.len_utf8())
            }
            _ => (example.to_string(), 0..example.len()),
        }
    }

    /// What is wrong with how `id` handled `example`, if anything: it must find
    /// the marked value, and leave no 12 bytes of it in a row unredacted.
    fn check_example(id: &str, profile: Profile, example: &str) -> Option<String> {
        let (text, marked) = unmark(example);
        let out = Engine::new(profile).learn_and_redact(text.as_bytes());
        let by_rule = out
            .findings
            .iter()
            .any(|f| f.rule == id && f.start < marked.end && marked.start < f.end);
        if !by_rule {
            let rules: Vec<&str> = out.findings.iter().map(|f| f.rule).collect();
            return Some(format!(
                "{id}: not found in {example:?} (found by {rules:?})"
            ));
        }
        let mut bare = 0;
        for i in marked.clone() {
            if out.findings.iter().any(|f| f.start <= i && i < f.end) {
                bare = 0;
            } else {
                bare += 1;
                if bare >= 12 {
                    return Some(format!(
                        "{id}: 12 bytes of the value survive in {example:?}"
                    ));
                }
            }
        }
        None
    }

    fn check_non_example(id: &str, profile: Profile, text: &str) -> Option<String> {
        let out = Engine::new(profile).learn_and_redact(text.as_bytes());
        out.findings
            .iter()
            .any(|f| f.rule == id)
            .then(|| format!("{id}: fires on its non-example {text:?}"))
    }

    #[test]
    fn every_rule_finds_its_examples_and_spares_its_non_examples() {
        let mut failures = Vec::new();
        for t in token_rules() {
            failures.extend(
                t.examples
                    .iter()
                    .filter_map(|e| check_example(t.id, Profile::Standard, e)),
            );
            failures.extend(
                t.non_examples
                    .iter()
                    .filter_map(|e| check_non_example(t.id, Profile::Standard, e)),
            );
        }
        for d in DETECTOR_RULES {
            failures.extend(
                d.examples
                    .iter()
                    .filter_map(|e| check_example(d.id, d.profile, e)),
            );
            failures.extend(
                d.non_examples
                    .iter()
                    .filter_map(|e| check_non_example(d.id, d.profile, e)),
            );
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn every_rule_has_an_example_and_a_unique_id() {
        let token_ids: HashSet<&str> = token_rules().iter().map(|t| t.id).collect();
        let mut seen = HashSet::new();
        for d in DETECTOR_RULES {
            assert!(!d.examples.is_empty(), "{} has no example", d.id);
            assert!(
                seen.insert(d.id) && !token_ids.contains(d.id),
                "{} is listed twice",
                d.id
            );
        }
        for t in token_rules() {
            assert!(!t.examples.is_empty(), "{} has no example", t.id);
        }
        let listed: HashSet<&str> = rules().iter().map(|r| r.id).collect();
        assert_eq!(listed.len(), rules().len(), "rules() lists an id twice");
    }
}
