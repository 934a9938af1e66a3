-- MySQL dump 10.13  Distrib 8.0.40, for Linux (x86_64)
--
-- Host: localhost    Database: wp_fjordknit
-- ------------------------------------------------------
-- Server version	8.0.30

LOCK TABLES `wpx7_options` WRITE;
INSERT INTO `wpx7_options` VALUES (3852,'sophmate_settings','a:8:{s:8:\"provider\";s:6:\"openai\";s:7:\"api_key\";s:164:\"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\";s:8:\"fallback\";s:9:\"anthropic\";s:12:\"fallback_key\";s:108:\"sk-ant-api03-aFh-j7FWw_CdPnkY1ht5d_Hw0k39s8QuLatM-90PrqGHDk3599uzM5r864zYZsmqppl13n_Xcen7y4sh_31brzoSXKE5pAA\";s:8:\"hf_token\";s:37:\"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\";s:9:\"voice_key\";s:51:\"sk_e3d711be2c1e038424c83bcbaf5233b34119e2fc02df2e11\";s:9:\"log_level\";s:5:\"debug\";s:10:\"max_tokens\";i:800;}','yes'),(4702,'sophmate_wc_api','a:3:{s:7:\"enabled\";s:3:\"yes\";s:12:\"consumer_key\";s:43:\"ck_8beeadd201c0925452fe216d43dc5403aa08dc78\";s:15:\"consumer_secret\";s:43:\"cs_27082ef6a2acfddd40f14a9218183bd18d832316\";}','no'),(136,'wp_mail_smtp','a:3:{s:4:\"mail\";a:2:{s:6:\"mailer\";s:7:\"mailgun\";s:10:\"from_email\";s:17:\"info@fjordknit.ie\";}s:7:\"mailgun\";a:3:{s:7:\"api_key\";s:36:\"key-93a9351484727117bd8bd66d79dccef5\";s:6:\"domain\";s:20:\"mg.shop.fjordknit.ie\";s:6:\"region\";s:2:\"EU\";}s:8:\"sendgrid\";a:1:{s:7:\"api_key\";s:69:\"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\";}}','no'),(5763,'tantan_wordpress_s3','a:4:{s:8:\"provider\";s:3:\"aws\";s:13:\"access-key-id\";s:20:\"AKIATBQU6PVKH7INRJZC\";s:17:\"secret-access-key\";s:40:\"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\";s:6:\"bucket\";s:15:\"fjordknit-media\";}','yes'),(8030,'sophmate_db_version','4.7.0','yes');
UNLOCK TABLES;

LOCK TABLES `wpx7_usermeta` WRITE;
INSERT INTO `wpx7_usermeta` VALUES (48680,100,'session_tokens','a:1:{s:64:\"4fbe9c11b70da7f70ef4eaa7f9c3f474d5d222a62c68c8f4cb12c49d8ad8c117\";a:4:{s:10:\"expiration\";i:1730555056;s:2:\"ip\";s:12:\"31.32.31.119\";s:2:\"ua\";s:117:\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36\";s:5:\"login\";i:1729351714;}}'),
(54465,100,'billing_first_name','Oisín'),
(37633,100,'billing_last_name','Ní Bhriain'),
(59960,100,'billing_address_1','Apartment 35, The Maltings, Bow Lane'),
(3267,100,'billing_phone','+353 86 302 6421'),
(57245,100,'billing_email','oisinnib50@eircom.net'),
(63714,100,'sophmate_customer_profile','a:3:{s:4:\"name\";s:18:\"Oisín Ní Bhriain\";s:5:\"email\";s:21:\"oisinnib50@eircom.net\";s:5:\"notes\";s:16:\"prefers no calls\";}'),
(10993,102,'session_tokens','a:1:{s:64:\"2a0bf95e6a158f5cbac6d3e165436c69ac302d5a17d48524322cbdd65506fe00\";a:4:{s:10:\"expiration\";i:1730561314;s:2:\"ip\";s:30:\"2001:3603:de7f::4cde:9f82:9857\";s:2:\"ua\";s:123:\"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.207 Mobile Safari/537.36\";s:5:\"login\";i:1729352066;}}'),
(95530,102,'billing_first_name','Siobhán'),
(52032,102,'billing_last_name','Ó Súilleabháin'),
(78996,102,'billing_address_1','Apartment 38, The Maltings, Bow Lane'),
(42577,102,'billing_phone','+353 85 494 1183'),
(73887,102,'billing_email','siobhan.o+orders@gmail.com'),
(38763,102,'sophmate_customer_profile','a:3:{s:4:\"name\";s:26:\"Siobhán Ó Súilleabháin\";s:5:\"email\";s:26:\"siobhan.o+orders@gmail.com\";s:5:\"notes\";s:11:\"prefers SMS\";}'),
(37418,112,'session_tokens','a:1:{s:64:\"f24b5b0e8203baf843d7f183dc06178001ae6b0d755b32108744dddcedcc37cd\";a:4:{s:10:\"expiration\";i:1730561666;s:2:\"ip\";s:13:\"62.176.178.12\";s:2:\"ua\";s:117:\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36\";s:5:\"login\";i:1729353804;}}'),
(12357,112,'billing_first_name','Björn'),
(7724,112,'billing_last_name','Weißenberger'),
(52511,112,'billing_address_1','Hauptstraße 46b'),
(89001,112,'billing_phone','0176/79960548'),
(35970,112,'billing_email','b_weissenberger@posteo.de'),
(58897,112,'sophmate_customer_profile','a:3:{s:4:\"name\";s:20:\"Björn Weißenberger\";s:5:\"email\";s:25:\"b_weissenberger@posteo.de\";s:5:\"notes\";s:11:\"prefers SMS\";}'),
(98283,133,'session_tokens','a:1:{s:64:\"83d0cb2ea21bff2905ba690c278f46ddaf2e400cc6417b83ea6f0583b2501d38\";a:4:{s:10:\"expiration\";i:1730563404;s:2:\"ip\";s:14:\"186.129.45.184\";s:2:\"ua\";s:118:\"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Mobile Safari/537.36\";s:5:\"login\";i:1729354521;}}'),
(95310,133,'billing_first_name','Francesca'),
(90781,133,'billing_last_name','Colombo'),
(38081,133,'billing_address_1','Corso Vittorio Emanuele II 60'),
(94791,133,'billing_phone','366 5874526'),
(30537,133,'billing_email','francescacol24@virgilio.it'),
(89877,133,'sophmate_customer_profile','a:3:{s:4:\"name\";s:17:\"Francesca Colombo\";s:5:\"email\";s:26:\"francescacol24@virgilio.it\";s:5:\"notes\";s:26:\"prefers afternoon delivery\";}'),
(69464,141,'session_tokens','a:1:{s:64:\"bc409d707443571aa64648c3c1f942deecdd58ddd71de8a3ca512f3f4c23fdd8\";a:4:{s:10:\"expiration\";i:1730564121;s:2:\"ip\";s:15:\"186.205.200.212\";s:2:\"ua\";s:117:\"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36\";s:5:\"login\";i:1729355009;}}'),
(55558,141,'billing_first_name','Aoife'),
(31179,141,'billing_last_name','Fitzpatrick'),
(10007,141,'billing_address_1','Apartment 17, The Maltings, Bow Lane'),
(90869,141,'billing_phone','+353 85 715 7086'),
(91620,141,'billing_email','a_fitzpatrick@gmail.com'),
(73956,141,'sophmate_customer_profile','a:3:{s:4:\"name\";s:17:\"Aoife Fitzpatrick\";s:5:\"email\";s:23:\"a_fitzpatrick@gmail.com\";s:5:\"notes\";s:11:\"prefers SMS\";}'),
(48466,156,'session_tokens','a:1:{s:64:\"7be21e9b0a5983226d0058721e772c3abc63628331c98f7e23897020a45b613b\";a:4:{s:10:\"expiration\";i:1730564609;s:2:\"ip\";s:14:\"46.131.225.172\";s:2:\"ua\";s:118:\"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36\";s:5:\"login\";i:1729359237;}}'),
(67017,156,'billing_first_name','Larissa'),
(99688,156,'billing_last_name','Rodrigues Alves'),
(54229,156,'billing_address_1','Rua Oscar Freire, 160, casa 3'),
(50123,156,'billing_phone','(81) 97348-3920'),
(8705,156,'billing_email','larissa.r+orders@gmail.com'),
(19713,156,'sophmate_customer_profile','a:3:{s:4:\"name\";s:23:\"Larissa Rodrigues Alves\";s:5:\"email\";s:26:\"larissa.r+orders@gmail.com\";s:5:\"notes\";s:16:\"prefers no calls\";}');
UNLOCK TABLES;

-- wc_order stats
INSERT INTO `wpx7_postmeta` VALUES (765325,45319,'_order_key','wc_order_c2AIP6lbUXjZr'),(128608,45319,'_transaction_id','ch_3Dj3Sm37UGvmSs1TUbz31MCA'),(590769,45319,'_paid_date','2024-10-20 14:24:21');
INSERT INTO `wpx7_postmeta` VALUES (780903,45322,'_order_key','wc_order_NfAVUwGgsZGKj'),(706809,45322,'_transaction_id','ch_3YNn4kwHxFY1iOl7Avi9otyh'),(646251,45322,'_paid_date','2024-10-21 03:59:14');
INSERT INTO `wpx7_postmeta` VALUES (506028,45349,'_order_key','wc_order_gUFC7eoPZHYV9'),(914343,45349,'_transaction_id','ch_3OiQU3UK7esdQzp0I1iwnK7E'),(276142,45349,'_paid_date','2024-10-22 01:10:18');
INSERT INTO `wpx7_postmeta` VALUES (414731,45369,'_order_key','wc_order_O3cBDYK59lqbe'),(751251,45369,'_transaction_id','ch_3TdidSNU4AIutE4OIQHFlbdv'),(515421,45369,'_paid_date','2024-10-22 14:34:54');
-- Dump completed on 2024-10-22 14:35:25
