From the staging copy (same data as live):
-- MariaDB dump 10.19  Distrib 10.11.8-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: wordpress
-- ------------------------------------------------------
-- Server version	10.11.8-MariaDB

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Dumping data for table `wp_users`
--

LOCK TABLES `wp_users` WRITE;
/*!40000 ALTER TABLE `wp_users` DISABLE KEYS */;
INSERT INTO `wp_users` VALUES (1,'webmaster','$wp$2y$10$Dj.fn4WwfM2ahQai8ag3I/Joq49DSzNJSJGshbJvQVhG6miFoVWXy','webmaster','orders@saltmarshkitchen.com.br','https://saltmarshkitchen.com.br','2024-08-21 10:50:32','',0,'Devon'),(3483,'burak149','$wp$2y$10$94rmMEfvocwcTVig0waXDXgYD3nEjw.pd3GCoB2KwOOOn.1f/A0WC','burak149','Burak-koc@icloud.com','','2024-08-21 19:15:53','',0,'Burak Koç'),(1229,'jerome929','$P$BEW0dehAjVqO3DWq5STIJEWHp9liMVQ5','jerome929','brunet.jerome@outlook.com','','2024-08-22 00:41:02','',0,'Jérôme Brunet'),(2978,'riccardo-moretti','$wp$2y$10$isYLeUFwywZkI86W2ZqpPt/hxpsfl3j6sAlVMCqCaWep3gmInE4ut','riccardo-moretti','riccardo-moretti@alice.it','','2024-08-22 03:13:54','',0,'Riccardo Moretti'),(2027,'noemie610','$wp$2y$10$QNmZXRqv3160eX9BVK76K3dC0/aQYxI.IRzB/Z93vJM.9fdvK2Z9S','noemie610','noemie.lemaitre@skynet.be','','2024-08-23 05:04:29','',0,'Noémie Lemaître');
/*!40000 ALTER TABLE `wp_users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `wp_wc_customer_lookup`
--

LOCK TABLES `wp_wc_customer_lookup` WRITE;
/*!40000 ALTER TABLE `wp_wc_customer_lookup` DISABLE KEYS */;
INSERT INTO `wp_wc_customer_lookup` VALUES (1242, 3483, 'burak149', 'Burak', 'Koç', 'Burak-koc@icloud.com', '2024-08-18 22:48:15', '2024-08-18 22:48:15', 'TR', '34556', 'İstanbul', 'TR34', '+905336814388', '');
INSERT INTO `wp_wc_customer_lookup` VALUES (2450, 1229, 'jerome929', 'Jérôme', 'Brunet', 'brunet.jerome@outlook.com', '2024-08-19 12:02:05', '2024-08-19 12:02:05', 'FR', '44540', 'Nantes', '', '06.50.54.82.36', '');
INSERT INTO `wp_wc_customer_lookup` VALUES (1775, 2978, 'riccardo-moretti', 'Riccardo', 'Moretti', 'riccardo-moretti@alice.it', '2024-08-20 07:30:10', '2024-08-20 07:30:10', 'IT', '10111', 'Torino', 'TO', '3206424479', '');
INSERT INTO `wp_wc_customer_lookup` VALUES (993, 2027, 'noemie610', 'Noémie', 'Lemaître', 'noemie.lemaitre@skynet.be', '2024-08-21 10:50:32', '2024-08-21 10:50:32', 'FR', '31155', 'Toulouse', '', '+33 7 06 58 48 01', '');
/*!40000 ALTER TABLE `wp_wc_customer_lookup` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `wp_wc_order_addresses`
--

DROP TABLE IF EXISTS `wp_wc_order_addresses`;
CREATE TABLE `wp_wc_order_addresses` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `order_id` bigint(20) unsigned NOT NULL,
  `address_type` varchar(20) DEFAULT NULL,
  `first_name` text,
  `last_name` text,
  `company` text,
  `address_1` text,
  `address_2` text,
  `city` text,
  `state` text,
  `postcode` text,
  `country` text,
  `email` varchar(320) DEFAULT NULL,
  `phone` varchar(100) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `address_type_order_id` (`address_type`,`order_id`),
  KEY `order_id` (`order_id`),
  KEY `email` (`email`(191)),
  KEY `phone` (`phone`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

--
-- Dumping data for table `wp_wc_order_addresses`
--

LOCK TABLES `wp_wc_order_addresses` WRITE;
/*!40000 ALTER TABLE `wp_wc_order_addresses` DISABLE KEYS */;
INSERT INTO `wp_wc_order_addresses` VALUES (3250,63797,'billing','Burak','Koç','','İstiklal Cad. No:223 D:3','','İstanbul','TR34','34556','TR','Burak-koc@icloud.com','+905336814388'),(3251,63797,'shipping','Burak','Koç','','İstiklal Cad. No:223 D:3','','İstanbul','TR34','34556','TR',NULL,''),(3252,79067,'billing','Jérôme','Brunet','','22 rue Jean Jaurès','Bâtiment B','Nantes','','44540','FR','brunet.jerome@outlook.com','06.50.54.82.36'),(3253,79067,'shipping','Jérôme','Brunet','','22 rue Jean Jaurès','Bâtiment B','Nantes','','44540','FR',NULL,''),(3254,48411,'billing','Riccardo','Moretti','','Via Verdi 98','interno 30','Torino','TO','10111','IT','riccardo-moretti@alice.it','3206424479'),(3255,48411,'shipping','Riccardo','Moretti','','Via Verdi 98','interno 30','Torino','TO','10111','IT',NULL,'3206424479'),(3256,96863,'billing','Noémie','Lemaître','','137 boulevard Pasteur','Résidence Les Pins, Esc. A','Toulouse','','31155','FR','noemie.lemaitre@skynet.be','+33 7 06 58 48 01');
/*!40000 ALTER TABLE `wp_wc_order_addresses` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2024-08-23 05:04:29

-- mysqld / WordPress log lines from the same minute:
2024-08-23T05:10:05+00:00 action_scheduler: action 74011 (sophmate_system_prompt) failed after 4 attempts: cURL error 35: OpenSSL SSL_connect: SSL_ERROR_SYSCALL
[23-Aug-2024 05:12:55 UTC] SophMate: provider responded HTTP/1.1 400 Bad Request (14458 ms) x-request-id: req_uByeUtwNSiBWAarlhUVpUyXd
