-- MySQL dump 10.13  Distrib 8.0.31, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: cindermark_wp
-- ------------------------------------------------------
-- Server version	8.0.31

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Dumping data for table `wp_comments`
--

LOCK TABLES `wp_comments` WRITE;
/*!40000 ALTER TABLE `wp_comments` DISABLE KEYS */;
INSERT INTO `wp_comments` VALUES (1514,9369,'WooCommerce','woocommerce@cindermarket.it','','','2024-04-11 15:31:24','2024-04-11 15:31:24','Awaiting BACS payment Order status changed from Pending payment to On hold.',0,'1','WooCommerce','order_note',0,0),(1515,201,'Lena Kesselhofer-Schröder','kesselhoferschroder.lena@posteo.de','','240d:1e42:c676:5988:276a:fdc1:a2e:98f7','2024-04-11 15:31:24','2024-04-11 15:31:24','Toller Service!',0,'1','Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/128.0.6753.34 Mobile Safari/537.36','review',0,729),(1516,81789,'WooCommerce','woocommerce@cindermarket.it','','','2024-04-11 16:01:14','2024-04-11 16:01:14','Stripe charge complete (Charge ID: ch_3BkZhdPK0Fj9uIofYJmlkZd5)',0,'1','WooCommerce','order_note',0,0),(1517,370,'Camille Marchand-Rousseau','camille_marc@gmail.com','','31.101.129.57','2024-04-11 16:01:14','2024-04-11 16:01:14','Toller Service!',0,'1','Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.4433.84 Mobile Safari/537.36','review',0,3786);
/*!40000 ALTER TABLE `wp_comments` ENABLE KEYS */;
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
INSERT INTO `wp_wc_order_addresses` (`id`, `order_id`, `address_type`, `first_name`, `last_name`, `company`, `address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`) VALUES (4740,9369,'billing','Lena','Kesselhofer-Schröder','','Am Kastanienhain 26','Wohnung 14','Leipzig','','04555','DE','kesselhoferschroder.lena@posteo.de','0711/1527025');
INSERT INTO `wp_wc_order_addresses` (`id`, `order_id`, `address_type`, `first_name`, `last_name`, `company`, `address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`) VALUES (4741,9369,'shipping','Lena','Kesselhofer-Schröder','','Am Kastanienhain 26','Wohnung 14','Leipzig','','04555','DE',NULL,'');
INSERT INTO `wp_wc_order_addresses` (`id`, `order_id`, `address_type`, `first_name`, `last_name`, `company`, `address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`) VALUES (4742,81789,'billing','Camille','Marchand-Rousseau','','55 rue de la Paix','Appartement 41','Nantes','','44307','FR','camille_marc@gmail.com','06-98-15-17-33');
INSERT INTO `wp_wc_order_addresses` (`id`, `order_id`, `address_type`, `first_name`, `last_name`, `company`, `address_1`, `address_2`, `city`, `state`, `postcode`, `country`, `email`, `phone`) VALUES (4743,81789,'shipping','Camille','Marchand-Rousseau','','55 rue de la Paix','Appartement 41','Nantes','','44307','FR',NULL,'');
/*!40000 ALTER TABLE `wp_wc_order_addresses` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `wp_users`
--

DROP TABLE IF EXISTS `wp_users`;
CREATE TABLE `wp_users` (
  `ID` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_login` varchar(60) NOT NULL DEFAULT '',
  `user_pass` varchar(255) NOT NULL DEFAULT '',
  `user_nicename` varchar(50) NOT NULL DEFAULT '',
  `user_email` varchar(100) NOT NULL DEFAULT '',
  `user_url` varchar(100) NOT NULL DEFAULT '',
  `user_registered` datetime NOT NULL DEFAULT '0000-00-00 00:00:00',
  `user_activation_key` varchar(255) NOT NULL DEFAULT '',
  `user_status` int(11) NOT NULL DEFAULT '0',
  `display_name` varchar(250) NOT NULL DEFAULT '',
  PRIMARY KEY (`ID`),
  KEY `user_login_key` (`user_login`),
  KEY `user_nicename` (`user_nicename`),
  KEY `user_email` (`user_email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_520_ci;

--
-- Dumping data for table `wp_users`
--

LOCK TABLES `wp_users` WRITE;
/*!40000 ALTER TABLE `wp_users` DISABLE KEYS */;
INSERT INTO `wp_users` (`ID`, `user_login`, `user_pass`, `user_nicename`, `user_email`, `user_url`, `user_registered`, `user_activation_key`, `user_status`, `display_name`) VALUES (1,'admin','$wp$2y$10$eMPBOwV1JAgS1OQnnXN9FMtxU7nfQbwi5Wffc/KJ29sK3gYtQZXDV','admin','webmaster@cindermarket.it','https://shop.cindermarket.it','2024-04-10 20:42:54','',0,'Morgan'),(729,'lenakesselhoferschroder','$wp$2y$10$gCpB93Q0AhEfkWUOgt20IC0jmXl9AfzkwFIJNMY4ZXsJbhYdZkk5E','lenakesselhoferschroder','kesselhoferschroder.lena@posteo.de','','2024-04-11 05:11:57','1734261196:$P$BDVCNCqKzxWVNcGsByTxNU3G4n99/X9S',0,'Lena Kesselhofer-Schröder'),(3786,'camillemarchandrousseau','$P$BHBEojvMEMMxxAw9uv/jARsAbNTuFsRH','camillemarchandrousseau','camille_marc@gmail.com','','2024-04-11 15:04:11','',0,'Camille Marchand-Rousseau');
/*!40000 ALTER TABLE `wp_users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `wp_wc_customer_lookup`
--

LOCK TABLES `wp_wc_customer_lookup` WRITE;
/*!40000 ALTER TABLE `wp_wc_customer_lookup` DISABLE KEYS */;
INSERT INTO `wp_wc_customer_lookup` (`customer_id`, `user_id`, `username`, `first_name`, `last_name`, `email`, `date_last_active`, `date_registered`, `country`, `postcode`, `city`, `state`, `billing_phone`, `shipping_phone`) VALUES (1472, 729, 'lenakesselhoferschroder', 'Lena', 'Kesselhofer-Schröder', 'kesselhoferschroder.lena@posteo.de', '2024-04-10 12:29:40', '2024-04-10 12:29:40', 'DE', '04555', 'Leipzig', '', '0711/1527025', ''),
(1145, 3786, 'camillemarchandrousseau', 'Camille', 'Marchand-Rousseau', 'camille_marc@gmail.com', '2024-04-10 20:42:54', '2024-04-10 20:42:54', 'FR', '44307', 'Nantes', '', '06-98-15-17-33', '');
/*!40000 ALTER TABLE `wp_wc_customer_lookup` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2024-04-11 16:01:14

-- mysqld / WordPress log lines from the same minute:
[11-Apr-2024 16:03:42 UTC] PHP Deprecated:  Creation of dynamic property WC_Gateway_Stripe::$capture is deprecated in /home/cindermarket/public_html/wp-content/plugins/woocommerce-gateway-stripe/includes/class-wc-gateway-stripe.php on line 187
[11-Apr-2024 16:17:23 UTC] SophMate [SOPH-E1350] Knowledge base sync timed out (HTTP 500, request_id=0444d62a-14ba-4ecc-95be-4c457d7ab15b, hook=woocommerce_thankyou)
[11-Apr-2024 16:19:10 UTC] WordPress database error Deadlock found when trying to get lock; try restarting transaction for query UPDATE `wp_wc_orders` SET `status` = 'wc-processing' WHERE `id` = 73781 made by do_action('woocommerce_cleanup_draft_orders'), WP_Hook->do_action, WP_Hook->apply_filters
