`wp db export --tables=... -` output, trimmed to the rows for the failing lookups:
-- MariaDB dump 10.19  Distrib 10.11.5-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: wp_tulipast
-- ------------------------------------------------------
-- Server version	10.11.5-MariaDB

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;

--
-- Dumping data for table `shop_users`
--

LOCK TABLES `shop_users` WRITE;
/*!40000 ALTER TABLE `shop_users` DISABLE KEYS */;
INSERT INTO `shop_users` VALUES (1,'admin','$wp$2y$10$t4F0akSPtb.bFAfj6unO/sZkVuPTISu6Qw86LalML.7YL3oF28v21','admin','shop@tulipastudio.co.uk','https://store.tulipastudio.co.uk','2024-02-20 08:16:39','',0,'Devon'),(1734,'till237','$P$BCCFhk3.AM6KM9ssK6kNQ7JY5jtXHfYJ','till237','till3436@gmail.com','','2024-02-21 10:26:48','1710357324:$P$Bs0rxgp1bOf2kJpvmY0/7cZ2KZ1BxEnO',0,'Till Hagehofer-Schröder'),(1065,'ottavio843','$P$BlTr8Cj8lG45MLAeoLWlbZzFT5/W6F6/','ottavio843','ottavio1318@gmail.com','','2024-02-22 08:55:34','1712784627:$P$Bmev/9xD9nfg/OrAAhuMSheoHoNpxP0B',0,'Ottavio Marino'),(2479,'sigridur542','$P$B3UwGCVWux8Oy3VxmPWbfdswqiqHGAt2','sigridur542','sigridurlundgren71@proton.me','','2024-02-22 15:33:39','1725588854:$P$B1JKMOg8Q2rSUjB7R1wqJUowVOFiUcbm',0,'Sigríður Lundgren');
/*!40000 ALTER TABLE `shop_users` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `shop_wc_orders`
--

LOCK TABLES `shop_wc_orders` WRITE;
/*!40000 ALTER TABLE `shop_wc_orders` DISABLE KEYS */;
INSERT INTO `shop_wc_orders` VALUES (39350,'wc-processing','EUR','shop_order',58.13810000,305.99000000,0,'oceane-delorme@free.fr','2024-02-22 18:38:29','2024-02-22 18:38:29',0,'cod','Credit Card (Stripe)','pi_3c3GdHvONvkKl4Q49Al3p7JY','155.73.173.205','Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1','Deixar na portaria'),(88899,'wc-on-hold','USD','shop_order',75.52500000,397.50000000,1734,'till3436@gmail.com','2024-02-22 18:38:43','2024-02-22 18:38:43',0,'cod','Credit Card (Stripe)','pi_3cHT8liGPVh0sOQ2lq1OdcZb','53.127.197.104','Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',''),(6392,'wc-failed','BRL','shop_order',12.90100000,67.90000000,1065,'ottavio1318@gmail.com','2024-02-22 19:16:36','2024-02-22 19:16:36',0,'ppcp-gateway','Credit Card (Stripe)','pi_3IbmgnTctsweZCdM85Qxbdlt','213.16.228.226','Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0','Bitte vorher anrufen: 338 323 0904'),(66413,'wc-failed','BRL','shop_order',65.36000000,344.00000000,2479,'sigridurlundgren71@proton.me','2024-02-22 19:17:17','2024-02-22 19:17:17',0,'stripe','Credit Card (Stripe)','pi_3cuTq3fibnvXQuEYpIdvCt5A','89.201.39.5','Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6078.168 Mobile Safari/537.36','Deixar na portaria');
/*!40000 ALTER TABLE `shop_wc_orders` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `shop_comments`
--

LOCK TABLES `shop_comments` WRITE;
/*!40000 ALTER TABLE `shop_comments` DISABLE KEYS */;
INSERT INTO `shop_comments` VALUES (5199,39350,'WooCommerce','woocommerce@tulipastudio.co.uk','','','2024-02-22 16:37:56','2024-02-22 16:37:56','Stripe charge complete (Charge ID: ch_3XETuchKnXwRqqOPMDrSAl2j)',0,'1','WooCommerce','order_note',0,0),(5200,294,'Océane Delorme','oceane-delorme@free.fr','','155.73.173.205','2024-02-22 16:37:56','2024-02-22 16:37:56','Très bon produit.',0,'1','Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1','review',0,0),(5201,88899,'WooCommerce','woocommerce@tulipastudio.co.uk','','','2024-02-22 16:46:53','2024-02-22 16:46:53','Awaiting BACS payment Order status changed from Pending payment to On hold.',0,'1','WooCommerce','order_note',0,0),(5202,555,'Till Hagehofer-Schröder','till3436@gmail.com','','53.127.197.104','2024-02-22 16:46:53','2024-02-22 16:46:53','Great mug, arrived quickly.',0,'1','Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1','review',0,1734),(5203,6392,'WooCommerce','woocommerce@tulipastudio.co.uk','','','2024-02-22 17:39:17','2024-02-22 17:39:17','Order status changed from Pending payment to Processing.',0,'1','WooCommerce','order_note',0,0),(5204,35,'Ottavio Marino','ottavio1318@gmail.com','','213.16.228.226','2024-02-22 17:39:17','2024-02-22 17:39:17','Très bon produit.',0,'1','Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:115.0) Gecko/20100101 Firefox/115.0','review',0,1065),(5205,66413,'WooCommerce','woocommerce@tulipastudio.co.uk','','','2024-02-22 18:25:57','2024-02-22 18:25:57','Awaiting BACS payment Order status changed from Pending payment to On hold.',0,'1','WooCommerce','order_note',0,0);
/*!40000 ALTER TABLE `shop_comments` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Dumping data for table `shop_wc_customer_lookup`
--

LOCK TABLES `shop_wc_customer_lookup` WRITE;
/*!40000 ALTER TABLE `shop_wc_customer_lookup` DISABLE KEYS */;
INSERT INTO `shop_wc_customer_lookup` VALUES (2203,NULL,'','Océane','Delorme','oceane-delorme@free.fr','2024-02-19 02:35:50',NULL,'BE','4686','Liège','','+32 478 56 27 67',''),(1904,1734,'till237','Till','Hagehofer-Schröder','till3436@gmail.com','2024-02-19 04:47:04','2024-02-19 04:47:04','AT','1128','Wien','','0316 836348',''),(2842,1065,'ottavio843','Ottavio','Marino','ottavio1318@gmail.com','2024-02-19 05:30:42','2024-02-19 05:30:42','IT','00132','Roma','RM','+393383230904',''),(2402,2479,'sigridur542','Sigríður','Lundgren','sigridurlundgren71@proton.me','2024-02-20 08:16:39','2024-02-20 08:16:39','DK','8045','Aarhus','','66 94 54 27','');
/*!40000 ALTER TABLE `shop_wc_customer_lookup` ENABLE KEYS */;
UNLOCK TABLES;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

-- Dump completed on 2024-02-22 19:17:17

-- mysqld / WordPress log lines from the same minute:
[22-Feb-2024 19:19:22 UTC] Cron reschedule event error for hook: woocommerce_payment_complete, Error code: invalid_schedule, Error message: Event schedule does not exist., Data: {"schedule":"sophmate_every_ten_minutes","args":[],"interval":600}
[22-Feb-2024 19:26:22 UTC] PHP Deprecated:  Creation of dynamic property WC_Gateway_Stripe::$testmode is deprecated in /home/customer/www/store.tulipastudio.co.uk/public_html/wp-content/plugins/woocommerce-gateway-stripe/includes/class-wc-gateway-stripe.php on line 349
[22-Feb-2024 19:30:17 UTC] PHP Notice:  Function _load_textdomain_just_in_time was called <strong>incorrectly</strong>. Translation loading for the <code>wordfence</code> domain was triggered too early. (This message was added in version 6.7.0.) in /home/customer/www/store.tulipastudio.co.uk/public_html/wp-includes/functions.php on line 6039
