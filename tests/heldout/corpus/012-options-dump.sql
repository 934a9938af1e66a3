-- MySQL dump 10.13  Distrib 8.0.32, for Linux (x86_64)
--
-- Host: localhost    Database: wp_bergkaese
-- ------------------------------------------------------
-- Server version	8.0.31

LOCK TABLES `wpx7_options` WRITE;
INSERT INTO `wpx7_options` VALUES (5224,'sophmate_settings','a:8:{s:8:\"provider\";s:6:\"openai\";s:7:\"api_key\";s:164:\"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\";s:8:\"fallback\";s:9:\"anthropic\";s:12:\"fallback_key\";s:108:\"sk-ant-api03-K6TfGGK3Kc1LKhtYefJdJWyk7P0p0s2DA8HSrIS6pp_tUps8cLSWpLTzUHxfqWnpBqHfgV5vSPK8IZhY_OZYbLzaTldePAA\";s:8:\"hf_token\";s:37:\"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\";s:9:\"voice_key\";s:51:\"sk_62972fb58a54f1efddca31d1a6b66f5240a40ce7d729e2ab\";s:9:\"log_level\";s:5:\"debug\";s:10:\"max_tokens\";i:800;}','yes'),(249,'sophmate_wc_api','a:3:{s:7:\"enabled\";s:3:\"yes\";s:12:\"consumer_key\";s:43:\"ck_59279ff1b3040cb57a05ea7d2e1fe76a4d372ae6\";s:15:\"consumer_secret\";s:43:\"cs_1fa04a2698499936343dc6c630f6fae4253d0437\";}','no'),(2929,'wp_mail_smtp','a:3:{s:4:\"mail\";a:2:{s:6:\"mailer\";s:7:\"mailgun\";s:10:\"from_email\";s:18:\"admin@bergkaese-de\";}s:7:\"mailgun\";a:3:{s:7:\"api_key\";s:36:\"key-929c852059c75481cf1a6e5359689271\";s:6:\"domain\";s:20:\"mg.bergkaese-shop.de\";s:6:\"region\";s:2:\"EU\";}s:8:\"sendgrid\";a:1:{s:7:\"api_key\";s:69:\"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\";}}','no'),(3636,'tantan_wordpress_s3','a:4:{s:8:\"provider\";s:3:\"aws\";s:13:\"access-key-id\";s:20:\"AKIAQRMS6ZYGJXRQDM5U\";s:17:\"secret-access-key\";s:40:\"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\";s:6:\"bucket\";s:15:\"bergkaese-media\";}','yes'),(5198,'sophmate_db_version','2.2.2','yes');
UNLOCK TABLES;

LOCK TABLES `wpx7_usermeta` WRITE;
INSERT INTO `wpx7_usermeta` VALUES (94066,139,'session_tokens','a:1:{s:64:\"ac86b2e1fb6ec5f0382c852a00f36eb63b32401fe7caedeed927fbf50de03a98\";a:4:{s:10:\"expiration\";i:1720582851;s:2:\"ip\";s:12:\"81.2.221.177\";s:2:\"ua\";s:115:\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.6533.88 Safari/537.36\";s:5:\"login\";i:1719381098;}}'),
(70373,139,'billing_first_name','Lukas'),
(94220,139,'billing_last_name','Große-Wilde'),
(88049,139,'billing_address_1','Schillerplatz 100'),
(35775,139,'billing_phone','+49 (0)89 3954 2233'),
(57255,139,'billing_email','lukas.g+orders@posteo.de'),
(6975,139,'sophmate_customer_profile','a:3:{s:4:\"name\";s:18:\"Lukas Große-Wilde\";s:5:\"email\";s:24:\"lukas.g+orders@posteo.de\";s:5:\"notes\";s:16:\"prefers no calls\";}'),
(48832,163,'session_tokens','a:1:{s:64:\"9289478da529a880863da485fa341494e6467bf2bfd1f91a335248c79ded214e\";a:4:{s:10:\"expiration\";i:1720590698;s:2:\"ip\";s:29:\"2401:cd1a:2a9b::e33e:835:e5db\";s:2:\"ua\";s:122:\"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.6533.88 Mobile Safari/537.36\";s:5:\"login\";i:1719385889;}}'),
(51893,163,'billing_first_name','DeShawn'),
(30354,163,'billing_last_name','McKenzie-Brown'),
(14116,163,'billing_address_1','2288 Maple Ridge Dr, Apt 9B'),
(9588,163,'billing_phone','(312) 949-9820'),
(74929,163,'billing_email','mckenzie-brown.deshawn@comcast.net'),
(23389,163,'sophmate_customer_profile','a:3:{s:4:\"name\";s:22:\"DeShawn McKenzie-Brown\";s:5:\"email\";s:34:\"mckenzie-brown.deshawn@comcast.net\";s:5:\"notes\";s:16:\"prefers no calls\";}'),
(40852,166,'session_tokens','a:1:{s:64:\"34f400fefaa7d50d1243abf93656a8eaeec911ed8c400f67f0268e69b0816c20\";a:4:{s:10:\"expiration\";i:1720595489;s:2:\"ip\";s:13:\"122.13.38.114\";s:2:\"ua\";s:111:\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36\";s:5:\"login\";i:1719393605;}}'),
(81414,166,'billing_first_name','Théo'),
(65033,166,'billing_last_name','Chevalier'),
(94440,166,'billing_address_1','27 rue des Lilas'),
(34837,166,'billing_phone','+33 6 26 22 90 46'),
(52624,166,'billing_email','theo.c+orders@free.fr'),
(51382,166,'sophmate_customer_profile','a:3:{s:4:\"name\";s:15:\"Théo Chevalier\";s:5:\"email\";s:21:\"theo.c+orders@free.fr\";s:5:\"notes\";s:11:\"prefers SMS\";}'),
(33126,169,'session_tokens','a:1:{s:64:\"3ec2bf2fa26dc88adaa227822212b49cd09b79edba3c94d8ccf4351f9bb2ad80\";a:4:{s:10:\"expiration\";i:1720603205;s:2:\"ip\";s:39:\"2804:ca85:27a4:cce3:e60c:3136:a9f4:3046\";s:2:\"ua\";s:118:\"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Mobile Safari/537.36\";s:5:\"login\";i:1719397754;}}'),
(70580,169,'billing_first_name','Björn'),
(79771,169,'billing_last_name','Bäcker'),
(26017,169,'billing_address_1','Am Rosengarten 4b'),
(55503,169,'billing_phone','+49 151 99765886'),
(98238,169,'billing_email','bjorn.backer@web.de'),
(85765,169,'sophmate_customer_profile','a:3:{s:4:\"name\";s:14:\"Björn Bäcker\";s:5:\"email\";s:19:\"bjorn.backer@web.de\";s:5:\"notes\";s:11:\"prefers SMS\";}'),
(20032,188,'session_tokens','a:1:{s:64:\"fbf69fcf41ee4e87fbae1f8dd2fe76253da92f90752a6f6d82a080341d317edf\";a:4:{s:10:\"expiration\";i:1720607354;s:2:\"ip\";s:14:\"181.31.204.175\";s:2:\"ua\";s:118:\"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36\";s:5:\"login\";i:1719406158;}}'),
(89195,188,'billing_first_name','Björn'),
(66830,188,'billing_last_name','Weißenberger'),
(32812,188,'billing_address_1','Bergmannstraße 86b'),
(27670,188,'billing_phone','+49 (0)89 8932 0075'),
(25198,188,'billing_email','bjornwei26@t-online.de'),
(51560,188,'sophmate_customer_profile','a:3:{s:4:\"name\";s:20:\"Björn Weißenberger\";s:5:\"email\";s:22:\"bjornwei26@t-online.de\";s:5:\"notes\";s:11:\"prefers SMS\";}'),
(68210,190,'session_tokens','a:1:{s:64:\"8b1ed74a7fc70f0777245c662c10f285eb89965c613bb14bd5324a7195b174d3\";a:4:{s:10:\"expiration\";i:1720615758;s:2:\"ip\";s:12:\"62.42.122.78\";s:2:\"ua\";s:122:\"Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.6533.88 Mobile Safari/537.36\";s:5:\"login\";i:1719413459;}}'),
(64756,190,'billing_first_name','Maximilian'),
(16171,190,'billing_last_name','Bäcker'),
(96631,190,'billing_address_1','Zur alten Mühle 63'),
(8171,190,'billing_phone','0151 6283 8612'),
(9756,190,'billing_email','backer.maximilian@gmx.net'),
(58528,190,'sophmate_customer_profile','a:3:{s:4:\"name\";s:18:\"Maximilian Bäcker\";s:5:\"email\";s:25:\"backer.maximilian@gmx.net\";s:5:\"notes\";s:16:\"prefers no calls\";}'),
(5271,210,'session_tokens','a:1:{s:64:\"d11e69940d783f0264c4653d6dbcfd0863b033ec0d14babaf897bfe27a595738\";a:4:{s:10:\"expiration\";i:1720623059;s:2:\"ip\";s:11:\"213.1.82.47\";s:2:\"ua\";s:111:\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36\";s:5:\"login\";i:1719417962;}}'),
(39140,210,'billing_first_name','Matteo'),
(74648,210,'billing_last_name','Di Stefano'),
(47627,210,'billing_address_1','Via Giuseppe Garibaldi 143'),
(95301,210,'billing_phone','318 9858742'),
(44363,210,'billing_email','matteodis53@virgilio.it'),
(19887,210,'sophmate_customer_profile','a:3:{s:4:\"name\";s:17:\"Matteo Di Stefano\";s:5:\"email\";s:23:\"matteodis53@virgilio.it\";s:5:\"notes\";s:11:\"prefers SMS\";}');
UNLOCK TABLES;

-- wc_order stats
INSERT INTO `wpx7_postmeta` VALUES (529655,50611,'_order_key','wc_order_J4igs670NbD9U'),(731028,50611,'_transaction_id','ch_3GpPoZ54JB16wJiKWv3H6MNo'),(980657,50611,'_paid_date','2024-06-26 17:31:36');
INSERT INTO `wpx7_postmeta` VALUES (622603,50633,'_order_key','wc_order_KQjvlG5lI4amV'),(691514,50633,'_transaction_id','ch_31Bv2YHD3q0ESM1MB1S1fThU'),(738106,50633,'_paid_date','2024-06-27 01:46:56');
INSERT INTO `wpx7_postmeta` VALUES (334316,50660,'_order_key','wc_order_ruIMtK4RwzeyF'),(156520,50660,'_transaction_id','ch_30N66TCLgYcT25ZTXop9uFmY'),(607219,50660,'_paid_date','2024-06-27 23:32:31');
INSERT INTO `wpx7_postmeta` VALUES (544749,50685,'_order_key','wc_order_KvWS6FdYu31ej'),(450553,50685,'_transaction_id','ch_38nWXwc7JlOHI2P0tW9U9B8J'),(446658,50685,'_paid_date','2024-06-28 04:54:00');
INSERT INTO `wpx7_postmeta` VALUES (306617,50712,'_order_key','wc_order_8xci5AgvwSNRt'),(689216,50712,'_transaction_id','ch_3998bJT2UGGZzkPAQCijdfLX'),(193749,50712,'_paid_date','2024-06-28 08:59:29');
-- Dump completed on 2024-06-28 09:00:45
