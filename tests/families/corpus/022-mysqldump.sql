dump.sql excerpt
-- MariaDB dump 10.19  Distrib 10.6.12-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: larchwoodw_wp
-- ------------------------------------------------------
-- Server version	10.6.12-MariaDB

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Dumping data for table `wp_wc_orders`
--

LOCK TABLES `wp_wc_orders` WRITE;
/*!40000 ALTER TABLE `wp_wc_orders` DISABLE KEYS */;
INSERT INTO `wp_wc_orders` (`id`, `status`, `currency`, `type`, `tax_amount`, `total_amount`, `customer_id`, `billing_email`, `date_created_gmt`, `date_updated_gmt`, `parent_order_id`, `payment_method`, `payment_method_title`, `transaction_id`, `ip_address`, `user_agent`, `customer_note`) VALUES (40042, 'wc-on-hold', 'USD', 'shop_order', 102.79000000, 541.00000000, 2537, 'beatrizrodriguesmagalhaes90@terra.com.br', '2024-01-08 21:21:14', '2024-01-08 21:21:14', 0, 'cod', 'Credit Card (Stripe)', 'pi_3WMnjhzmjeGWZhzmhwF78CPm', '2603:d76a:9593:38dc:9be1:1d01:5d66:76cb', 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.4264.69 Mobile Safari/537.36', ''),
(59979, 'wc-completed', 'USD', 'shop_order', 98.79810000, 519.99000000, 4344, 'gaelle3465@icloud.com', '2024-01-08 22:42:34', '2024-01-08 22:42:34', 0, 'cod', 'Credit Card (Stripe)', 'pi_3Mqn8vpShpuZgzip1v2bMiGy', '240d:829a:1e3a:3c8e:cff9:dd8:20b0:2d95', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6752.50 Safari/537.36', '');
/*!40000 ALTER TABLE `wp_wc_orders` ENABLE KEYS */;
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
INSERT INTO `wp_users` (`ID`, `user_login`, `user_pass`, `user_nicename`, `user_email`, `user_url`, `user_registered`, `user_activation_key`, `user_status`, `display_name`) VALUES (1, 'owner', '$wp$2y$10$N3u4R8nEVym9euf3v8QRstDbsfr2i4QH0zmY34C3uc7a3l9PsvmZV', 'owner', 'info@larchwoodworks.store', 'https://larchwoodworks.store', '2024-01-07 08:49:14', '', 0, 'Noor'),
(2537, 'beatriz724', '$P$BaInOWSJ4I/qFWxVtvllXjdm4j3W8Ufi', 'beatriz724', 'beatrizrodriguesmagalhaes90@terra.com.br', '', '2024-01-08 05:18:07', '1728498781:$P$BAmZadU0leljkG7bAZstYHaoYk/J.jOR', 0, 'Beatriz Rodrigues Magalhães'),
(4344, 'gaelledupont', '$wp$2y$10$HlgSaEcSvpVNjOhvk7guoUcUvM/irOfJ8JbxQL.6ptiZI8nx/wS6c', 'gaelledupont', 'gaelle3465@icloud.com', '', '2024-01-08 18:45:09', '1713740969:$P$B7iGWbj7oAeWKzob0nggW.cZau4z2vkU', 0, 'Gaëlle du Pont');
/*!40000 ALTER TABLE `wp_users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `wp_wc_customer_lookup`
--

LOCK TABLES `wp_wc_customer_lookup` WRITE;
/*!40000 ALTER TABLE `wp_wc_customer_lookup` DISABLE KEYS */;
INSERT INTO `wp_wc_customer_lookup` (`customer_id`, `user_id`, `username`, `first_name`, `last_name`, `email`, `date_last_active`, `date_registered`, `country`, `postcode`, `city`, `state`) VALUES (1440,2537,'beatriz724','Beatriz','Rodrigues Magalhães','beatrizrodriguesmagalhaes90@terra.com.br','2024-01-07 07:35:44','2024-01-07 07:35:44','BR','90639-372','Porto Alegre','RS'),(2416,4344,'gaelledupont','Gaëlle','du Pont','gaelle3465@icloud.com','2024-01-07 08:49:14','2024-01-07 08:49:14','FR','44439','Nantes','');
/*!40000 ALTER TABLE `wp_wc_customer_lookup` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `wp_comments`
--

LOCK TABLES `wp_comments` WRITE;
/*!40000 ALTER TABLE `wp_comments` DISABLE KEYS */;
INSERT INTO `wp_comments` (`comment_ID`, `comment_post_ID`, `comment_author`, `comment_author_email`, `comment_author_url`, `comment_author_IP`, `comment_date`, `comment_date_gmt`, `comment_content`, `comment_karma`, `comment_approved`, `comment_agent`, `comment_type`, `comment_parent`, `user_id`) VALUES (2614, 40042, 'WooCommerce', 'woocommerce@larchwoodworks.store', '', '', '2024-01-08 19:59:29', '2024-01-08 19:59:29', 'Stripe charge complete (Charge ID: ch_3rExieqsEG6NqyGwYcChjCYQ)', 0, '1', 'WooCommerce', 'order_note', 0, 0),
(2615, 59979, 'WooCommerce', 'woocommerce@larchwoodworks.store', '', '', '2024-01-08 20:31:09', '2024-01-08 20:31:09', 'Awaiting BACS payment Order status changed from Pending payment to On hold.', 0, '1', 'WooCommerce', 'order_note', 0, 0),
(2616, 775, 'Gaëlle du Pont', 'gaelle3465@icloud.com', '', '240d:829a:1e3a:3c8e:cff9:dd8:20b0:2d95', '2024-01-08 20:31:09', '2024-01-08 20:31:09', 'Très bon produit.', 0, '1', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.6752.50 Safari/537.36', 'review', 0, 4344);
/*!40000 ALTER TABLE `wp_comments` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2024-01-08 22:42:34

-- mysqld / WordPress log lines from the same minute:
[08-Jan-2024 22:48:08 UTC] WordPress database error Deadlock found when trying to get lock; try restarting transaction for query UPDATE `wp_wc_orders` SET `status` = 'wc-processing' WHERE `id` = 69929 made by do_action('rest_api_init'), WP_Hook->do_action, WP_Hook->apply_filters
[08-Jan-2024 22:50:04 UTC] PHP Fatal error:  Uncaught TypeError: SophMate\Knowledge\Indexer::reindex(): Argument #1 ($body) must be of type array, null given in /srv/www/larchwoodworks/htdocs/wp-content/plugins/sophmate/includes/knowledge/class-indexer.php:682
Stack trace:
#0 /srv/www/larchwoodworks/htdocs/wp-includes/plugin.php(580): do_action(Array)
#1 /srv/www/larchwoodworks/htdocs/wp-content/plugins/woocommerce/packages/action-scheduler/classes/abstracts/ActionScheduler_Action.php(1214): ActionScheduler_Action->execute(NULL, Array)
#2 /srv/www/larchwoodworks/htdocs/wp-includes/class-wp-hook.php(433): WP_Hook->do_action(Array)
#3 /srv/www/larchwoodworks/htdocs/wp-content/plugins/woocommerce/packages/action-scheduler/classes/abstracts/ActionScheduler_Action.php(1301): ActionScheduler_Action->execute(NULL, Array)
#4 /srv/www/larchwoodworks/htdocs/wp-includes/class-wp-hook.php(90): WP_Hook->do_action(Array)
#5 {main}
  thrown in /srv/www/larchwoodworks/htdocs/wp-content/plugins/sophmate/includes/knowledge/class-indexer.php on line 682
[08-Jan-2024 22:52:05 UTC] PHP Warning:  Trying to access array offset on value of type bool in /srv/www/larchwoodworks/htdocs/wp-content/plugins/sophmate/includes/providers/class-cohere-provider.php on line 586
