"""The labelling decisions, one entry per annotated test line (generated once, then reviewed by hand).

TABLE[path] lists (line, action, value[, kind]) where line is the 1-based line the annotation points
at (the next code line, or its own line for a trailing comment).  action 'rm': a remove label (value
as it sits in the file, found in the region from that line to the next annotation); 'skip': a
ruleid line left without a label (value = reason); 'keep': a keep label on an ok line.  Every ruleid
annotation of a file in scope must have an rm or skip entry (build.py fails otherwise)."""

TABLE = {
    'generic/secrets/gitleaks/adafruit-api-key.go': [
        (2, 'rm', '9zu9r6idf9c0tfcc4w26l66ij7visb8n'),
    ],
    'generic/secrets/gitleaks/adobe-client-id.go': [
        (2, 'rm', '90ade2687249df5f415099b431b31fae'),
    ],
    'generic/secrets/gitleaks/adobe-client-secret.go': [
        (2, 'rm', 'p8e-c4335bf6dbb3415db56bd7f2017a5eae'),
    ],
    'generic/secrets/gitleaks/age-secret-key.go': [
        (2, 'rm', 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ', 'age_secret_key_placeholder'),
    ],
    'generic/secrets/gitleaks/airtable-api-key.go': [
        (2, 'rm', 'xwwloygkk3f1le2tw'),
    ],
    'generic/secrets/gitleaks/algolia-api-key.go': [
        (2, 'rm', 'df161d9d584191ce8274164d16b433c6'),
    ],
    'generic/secrets/gitleaks/alibaba-access-key-id.go': [
        (2, 'rm', 'LTAI2b83e35d8a8482458c7b'),
    ],
    'generic/secrets/gitleaks/alibaba-secret-key.go': [
        (2, 'rm', 'v3ffxx41rwt5u2cmo7k412kctsayoj'),
    ],
    'generic/secrets/gitleaks/asana-client-id.go': [
        (2, 'rm', '9462004948707877'),
    ],
    'generic/secrets/gitleaks/asana-client-secret.go': [
        (2, 'rm', '5w07f3pm3ghfjs4am8n299lpt5wo818h'),
    ],
    'generic/secrets/gitleaks/atlassian-api-token.go': [
        (2, 'rm', 'fmh908q7r56qstff024d9wu1'),
        (4, 'rm', 'jpfx38t5wsrq7saj2257i6dr'),
    ],
    'generic/secrets/gitleaks/authress-service-client-access-key.txt': [
        (2, 'rm', 'sc_15kdmkb8ck.mmfe.acc_oukc5l3caa.9--u9xy7_knj1v--kjvi-hagz3uxz_10c6y38oyh'),
    ],
    'generic/secrets/gitleaks/aws-access-token.go': [
        (2, 'rm', 'AKIALALEMEL33243OLIB'),
    ],
    'generic/secrets/gitleaks/beamer-api-token.go': [
        (2, 'rm', 'b_7s8tjugeydslyqykig3vrb9y29jchkuyweemc251cbv6'),
    ],
    'generic/secrets/gitleaks/bitbucket-client-id.go': [
        (2, 'rm', 'hain0t444gq3tytxunqbuoyu40vd7sd5'),
    ],
    'generic/secrets/gitleaks/bitbucket-client-secret.go': [
        (2, 'rm', 'hzo1035eq80q9zxtgbpthdfda0966s6xw5ur0xftzv0syjdp1etn1iprvqflxzzm'),
    ],
    'generic/secrets/gitleaks/bittrex-access-key.go': [
        (2, 'rm', 'bdx13k0d9sv7j6nv97alzfmmf6iv75bx'),
    ],
    'generic/secrets/gitleaks/bittrex-secret-key.go': [
        (2, 'rm', 'kck29vz2gbqafyba2w7s44w3dkfe64at'),
    ],
    'generic/secrets/gitleaks/clojars-api-token.go': [
        (2, 'rm', 'CLOJARS_qvyye3cfm6mdqhe9hjkysxiem57yb6mznbxdnx94gd62rh9q3jq7wiqyasyp'),
    ],
    'generic/secrets/gitleaks/codecov-access-token.go': [
        (2, 'rm', 'o11l2u564sgubh1ys510r5va366txbjv'),
    ],
    'generic/secrets/gitleaks/coinbase-access-token.go': [
        (2, 'rm', 'mti9od_wmzryp5ne-wq__ip5thaooltmkuet0gr23wu_o7tekzmz_n11r_d_-exd'),
    ],
    'generic/secrets/gitleaks/confluent-access-token.go': [
        (2, 'rm', 'mxyh8eh27blxt4s7'),
    ],
    'generic/secrets/gitleaks/confluent-secret-key.go': [
        (2, 'rm', 'l2ug6iykc7kouc3no9x07tdufvlmj2dsxcqe00nef3ca5o9x8iv68nmsoll50uk6'),
    ],
    'generic/secrets/gitleaks/contentful-delivery-api-token.go': [
        (2, 'rm', '4sygnpvt4aks3vd7qjxub6u1pho1i1076aw0ixohbkg'),
    ],
    'generic/secrets/gitleaks/databricks-api-token.go': [
        (2, 'rm', 'dapid5ee36d2494be04382a7e021013daf5c'),
    ],
    'generic/secrets/gitleaks/datadog-access-token.go': [
        (2, 'rm', 'xw6rotizc0pgvk306xm1z140d2blt8wx5lwsh0aa'),
    ],
    'generic/secrets/gitleaks/defined-networking-api-token.txt': [
        (2, 'rm', 'dnkey-mbnh==qh=231sqkia_wulco14h-6-s56m3--m=nuyvus-9rm-=l=pgpy2_8a_k8r1v_ef6_4zezybut'),
    ],
    'generic/secrets/gitleaks/digitalocean-access-token.go': [
        (2, 'rm', 'doo_v1_01668ac5824f09ce908aaff8bf60e08c375e707f36b73dd2df0994887bbb9799'),
    ],
    'generic/secrets/gitleaks/digitalocean-pat.go': [
        (2, 'rm', 'dop_v1_e88808ddd29a7b331068e5521e6739a21fa06b3c62a2fdb0dd054483909dbaa3'),
    ],
    'generic/secrets/gitleaks/digitalocean-refresh-token.go': [
        (2, 'rm', 'dor_v1_bd1ebc2aada42ea89a27ae57a9903eaa3f57f873f84ce69a9a19c1c923cbd027'),
    ],
    'generic/secrets/gitleaks/discord-api-token.go': [
        (2, 'rm', '94bec3f6741f06291e67cd8b90363b79c0b68024f65622c333d79f1055c4c65b'),
    ],
    'generic/secrets/gitleaks/discord-client-id.go': [
        (2, 'rm', '783063101477752989'),
    ],
    'generic/secrets/gitleaks/discord-client-secret.go': [
        (2, 'rm', '47050061723854045311518666050614'),
    ],
    'generic/secrets/gitleaks/doppler-api-token.go': [
        (2, 'rm', 'dp.pt.1w1m36v0oofjtaz6xjz9912iq94tjiac94qk53268v2'),
    ],
    'generic/secrets/gitleaks/droneci-access-token.go': [
        (2, 'rm', '8jhgeerira7pgnzqab67xrqouxcyp3sw'),
    ],
    'generic/secrets/gitleaks/dropbox-api-token.go': [
        (2, 'rm', 'hc2wb63opyfxnwn'),
    ],
    'generic/secrets/gitleaks/duffel-api-token.go': [
        (2, 'rm', 'duffel_test_bhz4paljza_dx-f20xclnulzqiq2k68akarsy7lc7-a'),
    ],
    'generic/secrets/gitleaks/dynatrace-api-token.go': [
        (2, 'rm', 'dt0c01.6rm7jcwbb3fmtfzkyepf16kj.3l8arrff1ozxlllxrzel9usoanieedfliwwnmuq5z6vbhogdykznemtv2k7y270q'),
    ],
    'generic/secrets/gitleaks/easypost-api-token.go': [
        (2, 'rm', 'EZAK0o7glckjdbif1gh8cy4bh9qt18l6qlvjdja722v04m96rf7y6k8i55'),
    ],
    'generic/secrets/gitleaks/easypost-test-api-token.go': [
        (2, 'rm', 'EZTKcb422hlnssf48n4gt6hp24kksir0akoa9kit98wufmvoqd2tj9sy3k'),
    ],
    'generic/secrets/gitleaks/etsy-access-token.go': [
        (2, 'rm', 'l200n933ax67fyfcmiwigjvo'),
    ],
    'generic/secrets/gitleaks/facebook.go': [
        (2, 'rm', '2c48da94029b0ea566ac3df604803767'),
    ],
    'generic/secrets/gitleaks/fastly-api-token.go': [
        (2, 'rm', '5u4ytc6q1du0c94n8hl5z_--p-jdae0l'),
    ],
    'generic/secrets/gitleaks/finicity-api-token.go': [
        (2, 'rm', '5600675afe3e1a0fa76d5b99b30ca7a8'),
    ],
    'generic/secrets/gitleaks/finicity-client-secret.go': [
        (2, 'rm', 'a4krz2impyd4g0wpq9h0'),
    ],
    'generic/secrets/gitleaks/finnhub-access-token.go': [
        (2, 'rm', 'r5bcoxh2rfhexu4hmyc8'),
    ],
    'generic/secrets/gitleaks/flickr-access-token.go': [
        (2, 'rm', '0r7c62y5tp0hihdiumobtfzi3hkof4vr'),
    ],
    'generic/secrets/gitleaks/flutterwave-encryption-key.go': [
        (2, 'rm', 'FLWSECK_TEST-ba13077468f4'),
    ],
    'generic/secrets/gitleaks/flutterwave-public-key.go': [
        (2, 'rm', 'FLWPUBK_TEST-12ab053076e364bd9180f1ce3039a21f-X'),
    ],
    'generic/secrets/gitleaks/flutterwave-secret-key.go': [
        (2, 'rm', 'FLWSECK_TEST-24e4a83d776c7a747ea932973135bc9c-X'),
    ],
    'generic/secrets/gitleaks/frameio-api-token.go': [
        (2, 'rm', 'fio-u-m4ry7mpm7_tt4etuqc7b=odak0jeos_r2zq-kl_aq=k936mcwj3eu80x5um5q=lz'),
    ],
    'generic/secrets/gitleaks/freshbooks-access-token.go': [
        (2, 'rm', '86nc02t2iza20yz535mvl8qrrl9z8blphmmvjt1cuw8hibefxavqsg89bbbtcega'),
    ],
    'generic/secrets/gitleaks/gcp-api-key.go': [
        (2, 'rm', 'AIza9xk6puR24zxE7aIiv1pzH4N4jHXiOYP9EQ3'),
    ],
    'generic/secrets/gitleaks/generic-api-key.txt': [
        (2, 'rm', 'CLOJARS_34bf0e88955ff5a1c328d6a7491acc4f48e865a7b8dd4d70a70749037443', 'api_key'),
        (4, 'rm', 'Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB', 'api_key'),
        (6, 'rm', '0afae57f3ccfd9d7f5767067bc48b30f719e271ba470488056e37ab35d4b6506', 'client_id'),
        (8, 'rm', '6da89121079f83b2eb6acccf8219ea982c3d79bccc3e9c6a85856480661f8fde', 'client_secret'),
        (11, 'rm', 'CLOJARS_34bf0e88955ff5a1c328d6a7491acc4f48e865a7b8dd4d70a70749037443', 'api_key'),
        (14, 'rm', '_2r7Q~VUDTAv9XROf27Oe3QR2dX14C2PbcuokcJC', 'client_secret'),
        (16, 'rm', '6da89121079f83b2eb6acccf8219ea982c3d79bccc3e9c6a85856480661f8fde', 'client_secret'),
        (18, 'rm', '6da89121079f83b2eb6acccf8219ea982c3d79bccc3e9c6a85856480661f8fde', 'client_secret'),
        (20, 'rm', 'edf10572-880c-4dd9-aaf0-6ec402f678db', 'generic_secret'),
        (22, 'rm', 'Iv1.6213212547e00438__globaths__123', 'password'),
        (27, 'rm', 'eEEkp7Bb7q3xgL', 'password'),
        (29, 'rm', 'aebc6443-996d-45c2-90f0-388ff96faa56', 'client_id'),
        (40, 'keep', 'txtCfmPassword', 'code_identifier'),
        (45, 'keep', 'flutter-3.3.x', 'version'),
        (47, 'keep', '_step2.value.key', 'code_identifier'),
        (49, 'keep', 'The full token has been omitted for brevity', 'prose'),
        (58, 'keep', 'application/json;api-version=3.0-preview.1', 'http_header'),
        (60, 'keep', 'wysihtml5.ENTER_KEY', 'code_identifier'),
        (66, 'keep', 'this.mPassword', 'code_identifier'),
        (68, 'keep', 'aws_ec2_client_vpn_endpoint.client-vpn-endpoint.id', 'iac_reference'),
        (70, 'keep', 'password combination. R5: Regulatory--21', 'prose'),
        (95, 'keep', '9223372036854775808', 'number'),
        (104, 'keep', 'h1:P6bYXFoao05z5uhOQzbC3Qd8JqF3jUoocoTeIxkp2cA=', 'go_sum_hash'),
        (107, 'keep', 'Microsoft.IdentityModel.Protocols.OpenIdConnect', 'code_identifier'),
        (111, 'keep', '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 'contract_address'),
        (114, 'keep', 'erc1155.tokenId', 'code_identifier'),
        (118, 'keep', 'vue-devtools-stub', 'package_name'),
        (121, 'keep', 'System.Data.Entity.Internal.ConfigFile.EntityFrameworkSection', 'code_identifier'),
        (124, 'keep', 'AWS_S3_KEY', 'env_name'),
        (131, 'keep', 'mongodb.MaxKey', 'code_identifier'),
        (134, 'keep', 'req.query.token', 'code_identifier'),
        (159, 'keep', '<SECRET>', 'placeholder'),
        (165, 'keep', 'arn:aws:secretsmanager:us-west-2:12321321:secret:fosoodsaeGitHubAppWebHookSecret-21321321', 'arn'),
        (174, 'keep', 'axis._maxTicksKey', 'code_identifier'),
        (176, 'keep', '607352.81238977', 'number'),
        (180, 'keep', 'pricing.FAQ.link', 'i18n_key'),
        (199, 'keep', 'https://ngrok-url.io/auth?shop=storename-myshopify.com', 'url'),
        (203, 'keep', 'MAX_ISSUE_PAGE_SIZE', 'code_identifier'),
        (208, 'keep', 'View the GitHub contributions of Neil Taylor on repository', 'prose'),
        (210, 'keep', 'privkey1.json', 'file_name'),
        (216, 'rm', 'MbBdK@Rz-NppWpBGAYPDUks7zoc', 'jenkins_api_token'),
        (219, 'rm', 'MbBdKRz_NppWpBGAYPDUks7zoc', 'jenkins_api_token'),
        (222, 'rm', 'MbBdKRzNppWpBGAYPDUks7zoc', 'jenkins_api_token'),
        (225, 'rm', 'MbBdKRz-NppWpBGAYPDUks7zoc', 'jenkins_api_token'),
        (228, 'rm', 'MbBdK@RzNppWpBGAYPDUks7zoc', 'jenkins_api_token'),
    ],
    'generic/secrets/gitleaks/github-app-token.go': [
        (2, 'rm', 'ghu_9nsm3v4iy6zywwoqnhm72sjx4dlu6incka43'),
    ],
    'generic/secrets/gitleaks/github-fine-grained-pat.go': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/github-oauth.go': [
        (2, 'rm', 'gho_gkp19cjcgv0b0akt2skq9qhk4bswzrzagerz'),
    ],
    'generic/secrets/gitleaks/github-pat.go': [
        (2, 'rm', 'ghp_emmtytndiqky5a98w0s98w36vfhiz6f7ed4c'),
    ],
    'generic/secrets/gitleaks/github-refresh-token.go': [
        (2, 'rm', 'ghr_oxjwkll093ocn52a6592ka7ofod5517bhmx9'),
    ],
    'generic/secrets/gitleaks/gitlab-pat.go': [
        (2, 'rm', 'glpat-62o83rs98y87jyfaq5zq'),
    ],
    'generic/secrets/gitleaks/gitlab-ptt.go': [
        (2, 'rm', 'glptt-23d48505ab5b2a7ccc60f3d069f649040f673d44'),
    ],
    'generic/secrets/gitleaks/gitlab-rrt.go': [
        (2, 'rm', 'GR1348941mkiqtyh4m59oy2d9ehxb'),
    ],
    'generic/secrets/gitleaks/gitter-access-token.go': [
        (2, 'rm', '_m4n272-o6i1ki3zvigmg_f25u0jrwgti_jsfaau'),
    ],
    'generic/secrets/gitleaks/gocardless-api-token.go': [
        (2, 'rm', 'live_jllok-jp3h69l8oszdc4p3r4h_4__0naw8tzs9d-'),
    ],
    'generic/secrets/gitleaks/grafana-api-key.go': [
        (2, 'rm', 'eyJrIjoivdx25hwi2l4zwo8qn8szupf60vegv74pw1uf8bryv9zyvobnbjhwiqe0v42qv5wb7jf7uw'),
    ],
    'generic/secrets/gitleaks/grafana-cloud-api-token.go': [
        (2, 'rm', 'glc_hw2qgpmhzndkyw4zv6p5exn0la6g8vek'),
    ],
    'generic/secrets/gitleaks/grafana-service-account-token.go': [
        (2, 'rm', 'glsa_cxdr7ff9h3x0v3a5tle745pt8z95mats_5b921461'),
    ],
    'generic/secrets/gitleaks/hashicorp-tf-api-token.go': [
        (2, 'rm', 'b319dfb09d3034.atlasv1.5t36vo-_ai3am6q7auc-=69alb_lq80vy24bw4v522_3kq0e64lh0m8hhzqu'),
    ],
    'generic/secrets/gitleaks/hashicorp-tf-password.txt': [
        (2, 'rm', 'thisIsDog11'),
    ],
    'generic/secrets/gitleaks/heroku-api-key.js': [
        (2, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
    ],
    'generic/secrets/gitleaks/hubspot-api-key.js': [
        (2, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
    ],
    'generic/secrets/gitleaks/huggingface-access-token.txt': [
        (3, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/huggingface-organization-api-token.txt': [
        (3, 'rm', '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'),
        (5, 'rm', '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'),
        (7, 'rm', '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'),
        (10, 'rm', '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'),
        (13, 'rm', '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'),
        (16, 'rm', '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'),
        (18, 'rm', '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'),
        (21, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/infracost-api-token.txt': [
        (2, 'rm', 'ico-l3kosWUVivF5TKFCWjMNVLppIkxPo4op'),
    ],
    'generic/secrets/gitleaks/intercom-api-key.go': [
        (2, 'rm', 'cpeix_1r_qx0hg8qabgdl2zr1_yzmhu-2ohypcnpq1dc801uzkfao2r2oc1v'),
    ],
    'generic/secrets/gitleaks/jfrog-api-key.txt': [
        (2, 'rm', 'dzaf395f3s23hc691a66pll5xdsgf4sqar425gd4nfhncm4lmmblp67zct9vhyspnawoxsei7'),
    ],
    'generic/secrets/gitleaks/jfrog-identity-token.txt': [
        (2, 'rm', 'qb1cmrykdunt3t7rnqvizz98rnbkq5q78j58xyhw5ir7gw4i9erbdb6bkxf89abb'),
        (4, 'rm', 'zvzrqj698mb3zhg11ts57l4arg80mq5ywd8kq3n0m1r9gefh6l1ncgndbr1rimoi'),
        (6, 'rm', '4dzfwpqi1wu4gjxufjuqosg8lryl4is5i5kuswkv9o8clpaonx3oud6b7qqrieu4'),
        (8, 'rm', 'ajaeyk9zw1v7zlwzgbed4bml5lyxuhq1q0996lepy9gxwewrr34tqeo1qokm7l1p'),
    ],
    'generic/secrets/gitleaks/jwt-base64.txt': [
        (2, 'rm', 'ZXlKNE5XTWlPbHNpVFVsSlEyMTZRME5CV1UxRFFtZEdORWhTTjBoT1JFRk9RbWRyY1docmFVYzVkekJDUVZGelJrRkVRVkpOVVRoM1JGRlpSRlpSVVVSRVFWcDBXVmhPTUZwWVNYZElhR05PVFdwRmQwMTZSWGROVkdOM1QxUkZOVmRvWTA1TmVrVjNUWHBGZDAxVVkzaE5SRlUxVjJwQlVrMVJPSGRFVVZsRVZsRlJSRVJCV25SWldFNHdXbGhKZDJkblJXbE5RVEJIUTFOeFIxTkpZak5FVVVWQ1FWRlZRVUUwU1VKRWQwRjNaMmRGUzBGdlNVSkJVVVJEY0V4NldFaHdPR2t3T1ZJeVNGVTFXVXBRZVc1alF6UjBhVUZYVjIxaFJISldXbVZ1Y1hsdVYyeFhTMDlxU1ZoaU1GazFTbTlRTTBWVU5qaDFNVFpDWmpkdFNGRkhZeTkxT1hKU2RrTjNORUU1TWtod1NqRTFWM2xWVTBvNE1GbGpTekJuVUZSRk1GZHZZekZhZUdSTE0yZzBkRGxCYjBFNFZsTnlVazkzVVRjM2R5OVdRV1JIY25KS05HSjNhMEZXY2taeFUxSndjVUZ6VnpWWWVGWXpMMkpWT0ZsclZtRkhPRzFvTUd0MVJtWXZOV2xpTUhaNFpGTnJaeXR0ZWl0YVEzVkplRkUxV1U0M04ydE9ZVTFsWTA4eE9WaDFZVUp2TjBaelJ6bFhhbVpEVUhoWVdYVmhhbXQxVEdka2NIUlFaM2RVVGpSdWNEY3dhREJYYW1GVFVDOXFhR3BNTW1sNFpqUTRkeXN5TjNkR1JGQXJhV01yUWk5VVEwOTBWbUV6Wm1veFIxQnZObEpNZUVoSFZUQmFhRFkwYWtab2JYWlNUVFpGTDJ0WU4wbFJLMFpLWTA5M2NERldVRUU1TDNaTlFVSnZjRUZuVFVKQlFVVjNSRkZaU2t0dldrbG9kbU5PUVZGRlRFSlJRVVJuWjBWQ1FVeEpUSEV4V2pSdlVVNUtXa1ZWZERJMFZscGpkbXR1YzFkMFVYUjJVSGhzTTBwT1kwSlJaMFJTTlM5SlRXZHNOVlp1WkZKYU9VOVVOVFpMVlhGeVVqVjRVbk5YYVVOMmFEVk1aM1kwWmxWRmVrRkJiemxVYjJsUVRIVmlNVk5MVURBMk0zcFhjblptWjJreldWb3hPV0owZVRCcFdFWnROMnd5WTNCUk0yVnFSbFkzVjNCalpFeEtSVEJzWVhCR1pGQk1ielpSWVZKa1owNTFMekZ3TkhaaVdXYzNlbE5MTVdaUk1FOVpOV0l6WVdwb1FYZ3ZZbWhYYkhKT05qZzFiM2RTWWs4MUwzSTBjbFZQWVRadmJ6bHNORkZ1TjJwVmVFdFZlRFJ5WTI5bE4zcFZUVGR4Y25CUFVIRkxkbTR3UkVKd00yNHhMeXM1Y0U5YVdFTnFTV1phUjNaWmQxQTFUbWg2UWtSRGExSjZZVmhqU2toc1QzRlhlazFDZW5sdmRsWnllbFp0Vldsc1FtTnFLMFZ6VkZsS2N6Qm5WbGhMZW1SMVdEVjZUelpaVjJoR2N6SXpiSFUzUVdscVpHdDRWRmsyTlZsTk1EMGlYWDAuZXlKcGMzTWlPaUpxYjJVaUxBMEtJQ0psZUhBaU9qRXpNREE0TVRrek9EQXNEUW9nSW1oMGRIQTZMeTlsZUdGdGNHeGxMbU52YlM5cGMxOXliMjkwSWpwMGNuVmxmUS5kQmpmdEplWjRDVlAtbUI5MksyN3VoYlVKVTFwMXJfd1cxZ0ZXRk9Falhr'),
    ],
    'generic/secrets/gitleaks/jwt.go': [
        (2, 'rm', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'),
    ],
    'generic/secrets/gitleaks/kraken-access-token.go': [
        (2, 'rm', 'bd=n9nkkq1ommtanic+eej5w+/m2d33psu_txwbsyi=v+1qn/8w1yz+oydvooxuti39c+9s3dpy4vbj1'),
    ],
    'generic/secrets/gitleaks/kucoin-access-token.go': [
        (2, 'rm', 'ed6fb6e18e29fde78618e8ad'),
    ],
    'generic/secrets/gitleaks/kucoin-secret-key.go': [
        (2, 'rm', 'afefcb86-9bcf-f05e-6e34-14bd72a32efe'),
    ],
    'generic/secrets/gitleaks/launchdarkly-access-token.go': [
        (2, 'rm', '_wj5tvq9naub910_p14xs5k6g44o7o576snyvibc'),
    ],
    'generic/secrets/gitleaks/linear-api-key.go': [
        (2, 'rm', 'lin_api_ixdwkatm0cpttd81ed2bf8zuqydblgyd4eurb8ud'),
    ],
    'generic/secrets/gitleaks/linear-client-secret.go': [
        (2, 'rm', 'ffa42595ddb6689c9bd5a3976e80eedc'),
    ],
    'generic/secrets/gitleaks/linkedin-client-id.go': [
        (2, 'rm', '7003mr98e0u6ta'),
    ],
    'generic/secrets/gitleaks/linkedin-client-secret.go': [
        (2, 'rm', 'y1hlc6i2omng2vt3'),
    ],
    'generic/secrets/gitleaks/lob-api-key.go': [
        (2, 'rm', 'test_f39d44d63bd97652886ec2233845cf3600b'),
    ],
    'generic/secrets/gitleaks/lob-pub-api-key.go': [
        (2, 'rm', 'test_pub_b0bc63b31010f16eec74e98ff69aed9'),
    ],
    'generic/secrets/gitleaks/mailchimp-api-key.go': [
        (2, 'rm', 'f03ab633181727b4e0d684e5cdc4855c-us20'),
    ],
    'generic/secrets/gitleaks/mailgun-private-api-token.go': [
        (2, 'rm', 'key-d4242b89214d60c0b4f13dd068d8c3f4'),
    ],
    'generic/secrets/gitleaks/mailgun-pub-key.go': [
        (2, 'rm', 'pubkey-05acb893d6203a97e220b49854461178'),
    ],
    'generic/secrets/gitleaks/mailgun-signing-key.go': [
        (2, 'rm', 'dbd84b26a10c14712edd059e126400d3-00001111-22223333'),
    ],
    'generic/secrets/gitleaks/mapbox-api-token.go': [
        (2, 'rm', 'pk.6sfohc4q84lqwto3klvswbm626u3zk3yookhomytxig97n8viwugbwl18f0f.2kl7qel9zozn0yulycdbs7'),
    ],
    'generic/secrets/gitleaks/mattermost-access-token.go': [
        (2, 'rm', 'aeelfcgjm4xmn77xu82ftzudy5'),
    ],
    'generic/secrets/gitleaks/messagebird-api-token.go': [
        (2, 'rm', 'h7trhmcsa8avvxad0evreoj2g'),
    ],
    'generic/secrets/gitleaks/messagebird-client-id.js': [
        (2, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
    ],
    'generic/secrets/gitleaks/microsoft-teams-webhook.go': [
        (2, 'rm', '6zyp5abc-95oe-qr7w-dpkz-ejcr2hubspr4@s1zzdh7u-z2e5-g1j9-j2qn-gxadreclbzia/IncomingWebhook/9w30n4elvrl9f844lra09hqqykuwfzoe/1i476glp-bi8u-8qu3-o76j-2u9vw0l6cbox', 'teams_webhook'),
    ],
    'generic/secrets/gitleaks/netlify-access-token.go': [
        (2, 'rm', '12dpk4=zzonjwqh6ocbwfjq19f990isa0clwaamj'),
    ],
    'generic/secrets/gitleaks/new-relic-browser-api-token.go': [
        (2, 'rm', 'NRJS-3878472f6a4247b4649'),
    ],
    'generic/secrets/gitleaks/new-relic-user-api-id.go': [
        (2, 'rm', 'gvyu5ynbdth6sb31k7fw2885zfv223assxf0p5gdiqmlv9ok7oozevb0ipa587k5'),
    ],
    'generic/secrets/gitleaks/new-relic-user-api-key.go': [
        (2, 'rm', 'NRAK-qsbuwf18kf8x090dc6ujmeqbacy'),
    ],
    'generic/secrets/gitleaks/npm-access-token.go': [
        (2, 'rm', 'npm_jpkxp1rmeebnl1ptr2iz7h4he1q9u00zccq7'),
    ],
    'generic/secrets/gitleaks/nytimes-access-token.go': [
        (2, 'rm', 'lxclpt5eamto8i8hqrer9qrp45mvothc'),
    ],
    'generic/secrets/gitleaks/okta-access-token.go': [
        (2, 'rm', 'l5skrj0bmom7vg8ifdu9xfopv2nshkktc0n290tesn'),
    ],
    'generic/secrets/gitleaks/openai-api-key.txt': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/plaid-api-token.go': [
        (2, 'rm', 'access-production-822f6ce0-ee1a-221e-3cd8-f3ce5094b3e2'),
    ],
    'generic/secrets/gitleaks/plaid-client-id.go': [
        (2, 'rm', 'sd479fjropblyr5b4m2dutha'),
    ],
    'generic/secrets/gitleaks/plaid-secret-key.go': [
        (2, 'rm', 'wuxd6sw7ma4lv10xremyhz7ulf9owc'),
    ],
    'generic/secrets/gitleaks/planetscale-api-token.go': [
        (2, 'rm', 'pscale_tkn_ci7yg072sgqyxr=l30e_y2r1=11uic5m'),
    ],
    'generic/secrets/gitleaks/planetscale-oauth-token.go': [
        (2, 'rm', 'pscale_oauth_132tp-ag=4set2_7yhibbj8m1-xcsk3y'),
    ],
    'generic/secrets/gitleaks/planetscale-password.go': [
        (2, 'rm', 'pscale_pw_d6kvuewnpziee30nfl3d8ldxdi8=4d21'),
    ],
    'generic/secrets/gitleaks/postman-api-token.go': [
        (2, 'rm', 'PMAK-f66c33bf47ff419bb4c9ba09-fabfe3cc3b5925ba2b94ffc14af945a442'),
    ],
    'generic/secrets/gitleaks/prefect-api-token.go': [
        (2, 'rm', 'pnu_8mphiekledt9lnr1fgbea8kwv982xhxrtp8w'),
    ],
    'generic/secrets/gitleaks/private-key.go': [
        (2, 'skip', 'placeholder'),
    ],
    'generic/secrets/gitleaks/pulumi-api-token.go': [
        (2, 'rm', 'pul-1f26567544a1133ed9b4d70618e21ab7bf02d5d3'),
    ],
    'generic/secrets/gitleaks/pypi-upload-token.go': [
        (2, 'rm', 'pypi-AgEIcHlwaS5vcmcf4e7b7dde9d46777c7245783f90fb2b28ac53fbd742433184fea10908070b2e2'),
    ],
    'generic/secrets/gitleaks/rapidapi-access-token.go': [
        (2, 'rm', 'p0u8tscelb4r50sx78y_89sggqqjwtbohtdl-9cb938m2u4r3_'),
    ],
    'generic/secrets/gitleaks/readme-api-token.go': [
        (2, 'rm', 'rdme_68th6k06fl12xc2bg7vkk8592sj8m563exdewbn7zu9tcsoy2zaulae78hs0jrxxuexk4z'),
    ],
    'generic/secrets/gitleaks/rubygems-api-token.go': [
        (2, 'rm', 'rubygems_2f6eb27bbe84ca131d1bfabe3aaa9fe0655f8ac46515ffa1'),
    ],
    'generic/secrets/gitleaks/scalingo-api-token.go': [
        (2, 'rm', 'tk-us-ns252m_p0--275mtyfum_uuz654r-2rc5vqgkyixkjw3a9ed'),
    ],
    'generic/secrets/gitleaks/sendbird-access-id.go': [
        (2, 'rm', '213c2542-7d19-687f-9f7f-4456b8f2b2da'),
    ],
    'generic/secrets/gitleaks/sendbird-access-token.go': [
        (2, 'rm', '5d09d9859067fc79155cfec0f4dcf56a9a9542e6'),
    ],
    'generic/secrets/gitleaks/sendgrid-api-token.go': [
        (2, 'rm', 'SG.ozkqtr0qh0-aj8xpibpzht_aub2dafb-0=yjrtaacm=tygcd8h_ucvum48f9_m0g2r'),
    ],
    'generic/secrets/gitleaks/sendinblue-api-token.go': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/sentry-access-token.go': [
        (2, 'rm', 'd4616925d6e118603fefde3f78108a4a97476a4703c62ecbee8549a82e3b3563'),
    ],
    'generic/secrets/gitleaks/shippo-api-token.go': [
        (2, 'rm', 'shippo_live_1a7a0d51772feb7acd1d879a9afa711390fef924'),
    ],
    'generic/secrets/gitleaks/shopify-access-token.go': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/shopify-custom-access-token.go': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/shopify-private-app-access-token.go': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/shopify-shared-secret.go': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/gitleaks/sidekiq-secret.go': [
        (2, 'rm', 'cafebabe:deadbeef', 'sidekiq_credentials'),
    ],
    'generic/secrets/gitleaks/sidekiq-sensitive-url.go': [
        (2, 'rm', 'cafebabe:deadbeef', 'sidekiq_credentials'),
    ],
    'generic/secrets/gitleaks/slack-access-token.go': [
        (2, 'rm', 'xoxb-5tjlhsshppa2xt47iyafgjng38fn11'),
    ],
    'generic/secrets/gitleaks/slack-app-token.txt': [
        (2, 'rm', 'xapp-1-A052FGTS2DL-5171572773297-610b6a11f4b7eb819e87b767d80e6575a3634791acb9a9ead051da879eb5b55e'),
        (4, 'rm', 'xapp-1-IEMF8IMY1OQ-4037076220459-85c370b433e366de369c4ef5abdf41253519266982439a75af74a3d68d543fb6'),
        (6, 'rm', 'xapp-1-BM3V7LC51DA-1441525068281-86641a2582cd0903402ab523e5bcc53b8253098c31591e529b55b41974d2e82f'),
        (8, 'rm', 'xapp-1-A8530653793-7120049663492-ynumcw3au44ssm8bo6gdetcmaikfz8pqzd8jw036co09a8ucjblnmo2em4axfsv8'),
    ],
    'generic/secrets/gitleaks/slack-bot-token.txt': [
        (2, 'rm', 'xoxb-781236542736-2364535789652-GkwFDQoHqzXDVsC6GzqYUypD'),
        (4, 'rm', 'xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1MBS'),
        (6, 'rm', 'xoxb-4614724432022-5152386766518-O5WzjWGLG0wcCm2WPrjEmnys'),
        (8, 'rm', 'xoxb-9979958312686-215582647542-cjw58ow65dkykc1xdgs4rgtu'),
    ],
    'generic/secrets/gitleaks/slack-config-access-token.txt': [
        (2, 'rm', 'xoxe.xoxp-1-Mi0yLTM0MTQwNDE0MDE3Ni0zNjU5NDY0Njg4MTctNTE4MjA3NTQ5NjA4MC01NDEyOTYyODY5NzUxLThhMTBjZmI1ZWIzMGIwNTg0ZDdmMDI5Y2UxNzVlZWVhYzU2ZWQyZTZiODNjNDZiMGUxMzRlNmNjNDEwYmQxMjQ'),
        (4, 'rm', 'xoxe.xoxp-1-Mi0yLTMxNzcwMjQ0MTcxMy0zNjU5NDY0Njg4MTctNTE1ODE1MjY5MTcxNC01MTU4MDI0MTgyOTc5LWRmY2YwY2U4ODhhNzY5ZGU5MTAyNDU4MDJjMGQ0ZDliMTZhMjNkMmEyYzliNjkzMDRlN2VjZTI4MWNiMzRkNGQ'),
        (6, 'rm', 'xoxe.xoxp-1-5zabvlxwfdeuct6n391zrnpohdznv6hwd9fnthzivh99qfytvm08p676fb9z8277mqnh3qg2toympn2h6puvcjd8yil56wagrcnc48ao8polqwadwgpfhs1p8r6gdckmn0motx7acj69gniyyqrl9kr3hnl8qljflf7'),
        (8, 'rm', 'xoxe.xoxb-1-Mi0yLTMxNzcwMjQ0MTcxMy0zNjU5NDY0Njg4MTctNTE1ODE1MjY5MTcxNC01MTU4MDI0MTgyOTc5LWRmY2YwY2U4ODhhNzY5ZGU5MTAyNDU4MDJjMGQ0ZDliMTZhMjNkMmEyYzliNjkzMDRlN2VjZTI4MWNiMzRkNGQ'),
        (8, 'rm', 'xoxe.xoxb-1-sa6drsg4bpge5nkjm4515j53t06pdzzixlwrzoi4wyysrwfe1ccfkb5jtwbafxjlko3z4fga6sfn799jwq64ozs2xornpyggf4nqe0eqa4jmzpinx7uo3db71ird47ljsu8erapj7kivsznzxhxv7rvw50kytcitbjryq'),
    ],
    'generic/secrets/gitleaks/slack-config-refresh-token.txt': [
        (2, 'rm', 'xoxe-1-My0xLTMxNzcwMjQ0MTcxMy01MTU4MTUyNjkxNzE0LTUxODE4NDI0MDY3MzYtMjA5MGFkOTFlZThkZWE2OGFlZDYwYWJjODNhYzAxYjA5ZjVmODBhYjgzN2QyNDdjOTNlOGY5NTg2YWM1OGM4Mg'),
        (4, 'rm', 'xoxe-1-My0xLTM0MTQwNDE0MDE3Ni01MTgyMDc1NDk2MDgwLTU0MjQ1NjIwNzgxODEtNGJkYTZhYTUxY2M1ODk3ZTNkN2YzMTgxMDI1ZDQzNzgwNWY4NWQ0ODdhZGIzM2ViOGI0MTM0MjdlNGVmYzQ4Ng'),
        (6, 'rm', 'xoxe-1-xx1rz0lhozlulmf6yer773l908t8devczeoxyrcx4ql45nhll09bg2rl4vm54j6q7n9jjbj0yd2sd6eiqxaztneoepug3l92andgskqch6wyywaj28d2xz1q1lvt45bywfxbis5wdppl7z8vi3'),
    ],
    'generic/secrets/gitleaks/slack-legacy-bot-token.txt': [
        (2, 'rm', 'xoxb-263594206564-FGqddMF8t08v8N7Oq4i57vs1'),
        (4, 'rm', 'xoxb-282029623751-BVtmnS3BQitmjZvjpQL7PSGP'),
        (6, 'rm', 'xoxb-47834520726-N3otsrwj8Cf99cs8GhiRZsX1'),
        (8, 'rm', 'xoxb-123456789012-Xw937qtWSXJss1lFaKe'),
        (10, 'rm', 'xoxb-312554961652-uSmliU84rFhnUSBq9YdKh6lS'),
        (12, 'rm', 'xoxb-51351043345-Lzwmto5IMVb8UK36MghZYMEi'),
        (14, 'rm', 'xoxb-130154379991-ogFL0OFP3w6AwdJuK7wLojpK'),
        (16, 'rm', 'xoxb-159279836768-FOst5DLfEzmQgkz7cte5qiI'),
        (18, 'rm', 'xoxb-50014434-slacktokenx29U9X1bQ'),
        (20, 'rm', 'xoxb-3826305966-idr3lp1qzwskp7yaii430obs'),
        (22, 'rm', 'xoxb-940448933124-tjowlljrekgskhmnhbcupub'),
    ],
    'generic/secrets/gitleaks/slack-legacy-token.txt': [
        (2, 'rm', 'xoxs-3206092076-3204538285-3743137121-836b042620'),
        (4, 'rm', 'xoxs-416843729158-132049654-5609968301-e708ba56e1'),
        (6, 'rm', 'xoxs-420083410720-421837374423-440811613314-977844f625b707d5b0b268206dbc92cbc85feef3e71b08e44815a8e6e7657190'),
        (8, 'rm', 'xoxs-4829527689-4829527691-4814341714-d0346ec616'),
        (10, 'rm', 'xoxs-155191149137-155868813314-338998331396-9f6d235915'),
        (12, 'rm', 'xoxs-4932160834-4471365781-6128280740-f5a486bb22'),
        (14, 'rm', 'xoxo-523423-234243-234233-e039d02840a0b9379c'),
    ],
    'generic/secrets/gitleaks/slack-legacy-workspace-token.txt': [
        (2, 'rm', 'xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c'),
        (4, 'rm', 'xoxa-6-alsq1cwl5op9'),
        (6, 'rm', 'xoxa-78xxgd5dv4gi'),
        (8, 'rm', 'xoxr-7-4k4mijfc7mno'),
        (10, 'rm', 'xoxr-7qkclc4f471a'),
    ],
    'generic/secrets/gitleaks/slack-user-token.txt': [
        (2, 'rm', 'xoxp-41684372915-1320496754-45609968301-e708ba56e1517a99f6b5fb07349476ef'),
        (4, 'rm', 'xoxp-283316862324-298911817009-298923149681-44f585044dace54f5701618e97cd1c0b'),
        (6, 'rm', 'xoxp-11873098179-111402824422-234336993777-b96c9fb3b69f82ebb79d12f280779de1'),
        (8, 'rm', 'xoxp-254112160503-252950188691-252375361712-6cbf56aada30951a9d310a5f23d032a0'),
        (10, 'rm', 'xoxp-4614724432022-4621207627011-5182682871568-1ddad9823e8528ad0f4944dfa3c6fc6c'),
        (12, 'rm', 'xoxp-887224726148-5864979657209-2259919985002-ibooqecq97l1a6ppik0mhtrgrmfvza51'),
        (14, 'rm', 'xoxe-4726837507825-4848681849303-4856614048758-e0b1f3d4cb371f92260edb0d9444d206'),
    ],
    'generic/secrets/gitleaks/slack-web-hook.go': [
        (2, 'rm', 'odrlonji0yib66tnapqi7jwg4dgib38mdxs7nqznup5z'),
    ],
    'generic/secrets/gitleaks/slack-webhook-url.txt': [
        (2, 'rm', 'ye47dproeerf5f5cd2cxh7euegmx5an6a1ezalz59stg'),
        (4, 'rm', '64edaxmwr3zdsdb96y6238q7m3txypq4ow15w3e3bucsf'),
        (6, 'rm', 'm82oxkt2bwryp6i1qzmq2j0kwwok6pyjxccc17u1vz4c55'),
        (8, 'rm', 'AZAAA9u0pA4ad666eMgbi555'),
        (10, 'rm', 'bJtrpFi1fO1JMCcwLx8uZyAg'),
        (12, 'rm', 'dujwjab4hhujvdmn6jol5yaighsd5hq4ywyn901m4i8x'),
        (14, 'rm', '9yb4lts2jorxwrm0zwaey41zyke34pvvn6hmnm2psp2zw'),
        (16, 'rm', '16szyb3898tz9xjwnbo2wwuki8ba5hf8x9upn32f0v2cjh'),
        (18, 'rm', 'F6Vm03reCkhPmwBtaqbN6OW9'),
        (20, 'rm', 'LfFz5RekA2J0WOGJyKsiOjjg'),
    ],
    'generic/secrets/gitleaks/snyk-api-token.txt': [
        (2, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (4, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (6, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (8, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (10, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (12, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (14, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (16, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
        (18, 'rm', '12345678-ABCD-ABCD-ABCD-1234567890AB'),
    ],
    'generic/secrets/gitleaks/square-access-token.go': [
        (2, 'rm', 'sq0atp-Je-VDtkIJi5GR8-FObU2at'),
    ],
    'generic/secrets/gitleaks/squarespace-access-token.go': [
        (2, 'rm', '03d959da-1d77-8c56-4590-cd27d00d0440'),
    ],
    'generic/secrets/gitleaks/stripe-access-token.go': [
        (2, 'rm', 'sk_test_20cbqx6v2hpftsbq203r36yqccazez'),
    ],
    'generic/secrets/gitleaks/sumologic-access-id.go': [
        (2, 'rm', 'su9OL59biWiJu7'),
        (4, 'rm', 'sug5XpdpaoxtOH'),
        (6, 'rm', 'suDbJw97o9WVo0'),
        (8, 'rm', 'suGyI5imvADdvU'),
        (10, 'rm', 'sumzfh245re6j5'),
    ],
    'generic/secrets/gitleaks/sumologic-access-token.go': [
        (2, 'rm', 'bc9pp0f10844ttyswe2f6qetgvtblpicjhleztf9nz28do9rivj61brvnk7w0p0y'),
    ],
    'generic/secrets/gitleaks/telegram-bot-api-token.go': [
        (2, 'rm', '65170806:Acq9eahkdy6t-vl1ctyrqcps65dsdena65p'),
    ],
    'generic/secrets/gitleaks/travisci-access-token.go': [
        (2, 'rm', '0czfeu6hf5k974rkh7w2cc'),
    ],
    'generic/secrets/gitleaks/twilio-api-key.go': [
        (2, 'rm', 'SK157566aaf09e11bb816f6cd3c9942843'),
    ],
    'generic/secrets/gitleaks/twitch-api-token.go': [
        (2, 'rm', 'sx7sjxjrajg2kr0ecm7xwi0gcnezno'),
    ],
    'generic/secrets/gitleaks/twitter-access-secret.go': [
        (2, 'rm', 'geyruyerw0t5qvjqwloffgc9s7zq9j1fbkbdfu6nz8hi3'),
    ],
    'generic/secrets/gitleaks/twitter-access-token.go': [
        (2, 'rm', '116439040398272-boSvzGGc16csm7yEzosA'),
    ],
    'generic/secrets/gitleaks/twitter-api-key.go': [
        (2, 'rm', 'u85rbvve240mfqz9y8xnkufuw'),
    ],
    'generic/secrets/gitleaks/twitter-api-secret.go': [
        (2, 'rm', 'zhxiehw5fi78oli3ze8x0zr2lu03mwj7tc244qyxa70pvhue20'),
    ],
    'generic/secrets/gitleaks/twitter-bearer-token.go': [
        (2, 'rm', 'AAAAAAAAAAAAAAAAAAAAAA7PZ6bMqiP2Qx%OMhXlEi2cDlSING48cho5myWTUeulC1NvDn0FiCkRBnQlvK7ELVVlpfCq6AqLEgsWbx'),
    ],
    'generic/secrets/gitleaks/typeform-api-token.go': [
        (2, 'rm', 'tfp_h8cbbuh10_r0nec3i0oik7lx6-iwejsupzhxc8lvwkhzsm602z8lhkeqpww'),
    ],
    'generic/secrets/gitleaks/vault-batch-token.go': [
        (2, 'rm', 'hvb.jw1-ql187q-yf7lolv_y-4y8ze0nhbwnewa02_-r20f6o17ra8z8e027ewa7gr6k74iug0eevhx5dwgfmqswoq9609xa_gwvdsv0426la-_n4kyutd-_hjrqfsuln7fzyxdv4oja60'),
    ],
    'generic/secrets/gitleaks/vault-service-token.go': [
        (2, 'rm', 'hvs.uzpkhwv9hzj0vqcvatm6wk1yazcuy513z4hhtwef-gow-74qry1m0awtps53cr_98x4yz8g43--il7hjm5rcz404d2'),
    ],
    'generic/secrets/gitleaks/yandex-access-token.go': [
        (2, 'rm', 't1.P=.2CVgkS3oFhYzUA4NYeOd8VEIy8mBEY2q28T2Ro2pLyWiofIHRKJWqzahcKLwFS63jWhGq3rLwlu6oFsVswvrx9='),
    ],
    'generic/secrets/gitleaks/yandex-api-key.go': [
        (2, 'rm', 'AQVNYfu7VytSLRY2kW_fMRm6eeizMUT8XHCPSV3'),
    ],
    'generic/secrets/gitleaks/yandex-aws-access-token.go': [
        (2, 'rm', 'YCgYJ3MF913T3jF_ZRKRmbYAerc5bSPuQog1Bunj'),
    ],
    'generic/secrets/gitleaks/zendesk-secret-key.go': [
        (2, 'rm', 'igjs68r72xso86frli7upw1c0udpzuno6n3yumvt'),
    ],
    'generic/secrets/security/detected-amazon-mws-auth-token.txt': [
        (2, 'rm', 'amzn.mws.00a19111-8311-5311-5391-5e211cbfcd5c'),
    ],
    'generic/secrets/security/detected-artifactory-password.txt': [
        (2, 'rm', 'AP6abc1231321'),
        (5, 'keep', 'sha512-AP1AyUTbi2szylgr+O0OB7gkIxEGzySLITZ2GpsaoX72YMCGI2jYAc+WUhPfvUnZYiauF4zTnN4V4TGuvFjJlw==', 'integrity_hash'),
        (8, 'keep', 'sha256-AP1AyUTbi2szylgr+hmNHrzRCf9tD/miZyoHS5obTRR9BMY=', 'integrity_hash'),
        (11, 'keep', 'SHA256:AP1AyUTbi2szylgr266fcae00707e67a2545ef34f9a29354585f93dac906749', 'image_digest'),
        (14, 'keep', 'sha256:AP1AyUTbi2szylgr+422a3bb776a12d5cf2bb83303778f343106f9a1cc2b4fcdf73', 'image_digest'),
        (17, 'keep', '$PASSWORD', 'env_reference'),
        (20, 'keep', 'h1:6dJC0mAP4ikYIbvyc7fijjWJddQyLn8Ig3JB5CqoB9Q=', 'go_sum_hash'),
        (113, 'keep', 'sha512-12345678APAjZas32d1f32a1sd2fasdfasdf32a1sd32f1a3s2d1feeeeeeeeee==', 'integrity_hash'),
        (123, 'keep', 'APDosLogConf', 'code_identifier'),
    ],
    'generic/secrets/security/detected-artifactory-token.txt': [
        (2, 'rm', 'AKCxxxxxxxxxx', 'artifactory_token_placeholder'),
        (5, 'rm', 'AKCxxxxxxxxxx', 'artifactory_token_placeholder'),
        (8, 'rm', 'AKCxxxxxxxxxx', 'artifactory_token_placeholder'),
        (11, 'keep', '$API_KEY', 'env_reference'),
        (14, 'keep', 'h1:6dJC0mAKCikYIbvyc7fijjWJddQyLn8Ig3JB5CqoB9Q=', 'go_sum_hash'),
        (21, 'keep', 'sha512-12345678AKCjZas32d1f32a1sd2fasdfasdf32a1sd32f1a3s2d1feeeeeeeeee==', 'integrity_hash'),
    ],
    'generic/secrets/security/detected-aws-access-key-id-value.txt': [
        (2, 'rm', 'AKIAIOSFODNN7EAXMPLE'),
        (5, 'rm', 'ASIAIOSFODNN7EAXMPLE'),
    ],
    'generic/secrets/security/detected-aws-account-id.txt': [
        (2, 'skip', 'identifier'),
        (5, 'skip', 'identifier'),
        (13, 'skip', 'identifier'),
        (43, 'skip', 'identifier'),
        (46, 'skip', 'identifier'),
        (52, 'skip', 'identifier'),
    ],
    'generic/secrets/security/detected-aws-appsync-graphql-key.txt': [
        (2, 'rm', 'da2-vphx3xhhzbhutep25pfcgdzlte'),
    ],
    'generic/secrets/security/detected-aws-secret-access-key.txt': [
        (2, 'rm', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEFUCDlEKEY'),
        (5, 'rm', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEFUCDlEKEY'),
    ],
    'generic/secrets/security/detected-aws-session-token.txt': [
        (6, 'rm', 'FQoGZXIvYXdzENv//////////wEaDEeLj11xTbnBk6azRCKsAacCiJK85DSXExJ81GtHrkEyev8eedQcFY4EoM00PsD1FAEMOfzQclVEFsoh9Y4ZHUjgGmCPRUnYCLNc2NnHkadvmI+MT7jRRa1Mo2HA/HYStOOwEyfXFYG91MNj9rVXXXXXXXXA6+7FF6jcxj3cr1U9CDB9hjW+jGq4UgjxXXXXXXXCoIidDjl4Z911zIzP/Q+FYA1R2CUz5Y32EUaMzR+bQvmheUolLOq3wU='),
    ],
    'generic/secrets/security/detected-bcrypt-hash.txt': [
        (7, 'rm', '$2y$12$s.YfVZdfvAuO/Iz6fte5iO..ZbbEgreZnDcYOGvX4NGJskYQIstcG'),
    ],
    'generic/secrets/security/detected-codeclimate.txt': [
        (5, 'rm', '746b31b417ecc5cff872bac5746b31b417ecc5cff872bac51234567890abcdef'),
        (9, 'rm', '746b31b417ecc5cff872bac5746b31b417ecc5cff872bac51234567890abcdef'),
    ],
    'generic/secrets/security/detected-etc-shadow.txt': [
        (2, 'skip', 'no-value'),
    ],
    'generic/secrets/security/detected-facebook-access-token.txt': [
        (4, 'rm', 'EAACEdEose0cBAMF99BFdceBHS5UcaEPIDbhKT1nbE0DaulfIS8ZCJTHrkD6IxkfKZCObCHzUsHcdhBISYuv7L4oiylZCmNztRy6s9KBgmZBYbJxZBBk1Csjl8PXFnZA3rt5WwZB7dZCB9M04a6FI7XwCFXfNV4ZB76y6SjltVc4AP4gZDZD'),
        (7, 'rm', 'EAAAACZAVC6ygBAAvRshdD1iGP7VZAR4JMQxRhnViVIjzoIV3nCnZBejzSsCwCgRs5aZAAbBNI837xWZBnAMCRIdZADqjjpOtZAGBDgZBcUz5l7n0IqK53MKKcyeCIBZBIDVSkaqth983q5avmR2gq61ZBfHGPiGAa64IYZD'),
        (10, 'rm', 'EAAAACZAVC6ygBAAvRshdD1iGP7VZAR4JMQxRhnViVIjzoIV3nCnZBejzSsCwCgRs5aZAAbBNI837xWZBnAMCRIdZADqjjpOtZAGBDgZBcUz5l7n0IqK53MKKcyeCIBZBIDVSkaqth983q5avmR2gq61ZBfHGPiGAa64IYZD'),
        (13, 'rm', 'EAACEdEose0cBAIWHqjHI5o2auPWv3lPP3zNYuWWpjMrSaIFxbQeve3lsLOcas5k8GhC5HgOXnbF3rXRTczOpsbNjJW0CQL8LcQEMhZAWAJzI0AzmLriWuuZByFAia5aFl0Q4Xv4u2QVoAdH0mcJbZAHRpyJKIAyDKUEBzz0GgZDZD'),
        (18, 'rm', 'EAAAAZAw4FxQIBAElafKg4s32XtMxE5POc9hAHgggZBSmkK0cRPkZBSTpKWGhjpz7snU8XItOqqQwWS02ZBN8NjcMwe9aZAoVoHa5gYNQUPWckb3JNzUMRCobPwpzJ817f3eh0FZCpzVmvv78VyMNGZB51iMQZA5pi05dShw2GWVrAgZDZD'),
        (22, 'rm', 'EAAAAZAw4FxQIBAElafKg4s32XtMxE5POc9hAHgggZBSmkK0cRPkZBSTpKWGhjpz7snU8XItOqqQwWS02ZBN8NjcMwe9aZAoVoHa5gYNQUPWckb3JNzUMRCobPwpzJ817f3eh0FZCpzVmvv78VyMNGZB51iMQZA5pi05dShw2GWVrAgZDZD'),
    ],
    'generic/secrets/security/detected-facebook-oauth.txt': [
        (2, 'rm', 'c3cc928991d69e784f69a907000cc909'),
        (5, 'keep', 'https://github.com/facebook/zstd/blob/12c045f74d922dc934c168f6e1581d72df983388/doc/zstd_compression_format.md', 'url'),
    ],
    'generic/secrets/security/detected-generic-api-key.txt': [
        (2, 'rm', '1234567890123456789012345678901234567890'),
        (5, 'rm', '123567890123456789012345678901234567890'),
        (8, 'rm', '123567890123456789012345678901234567890'),
        (11, 'rm', '123567890123456789012345678901234567890'),
        (14, 'rm', '123567890123456789012345678901234567890'),
        (17, 'keep', 'ApiKeyGenerator.generateApiKeySomeLongMethodName();', 'code'),
        (20, 'keep', 'VirtualgenerateApiKeySomeLongMethodName=', 'code'),
    ],
    'generic/secrets/security/detected-generic-secret.txt': [
        (2, 'rm', '1234567890123456789012345678901234567890'),
        (5, 'rm', '123567890123456789012345678901234567890'),
    ],
    'generic/secrets/security/detected-github-token.txt': [
        (2, 'rm', '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'),
        (5, 'rm', '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'),
        (8, 'rm', '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'),
        (11, 'rm', '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'),
    ],
    'generic/secrets/security/detected-google-api-key.txt': [
        (2, 'rm', 'AIzaSyAtUXpd8JxrpUH2Sd-xO2U_vWGVfoF5-XM'),
        (4, 'rm', 'AIzaSyBGJlWlxZEnJ2yUape3AjqmNyo5--h6xtI'),
        (6, 'rm', 'AIzaSyAxgKw8qkRZvR1QjpTh7red4-HuesZItIs'),
        (8, 'rm', 'AIzaSyAxgKw8qkRZvR1QjpTh7red4-HuesZItIs'),
    ],
    'generic/secrets/security/detected-google-cloud-api-key.txt': [
        (2, 'rm', 'AIzaSyCqhkgrLTLSOFyLyoS5gfN47TJ0HnHA_XA'),
        (5, 'rm', 'AIzaSyCqhkgr\\TLSOFyLyoS5gfN47TJ0HnHA_XA'),
    ],
    'generic/secrets/security/detected-google-gcm-service-account.txt': [
        (2, 'skip', 'not-secret'),
    ],
    'generic/secrets/security/detected-google-oauth-access-token.txt': [
        (3, 'rm', 'ya29.AHES67zeEn-RDg9CA5gGKMLKuG4uVB7W4O4WjNr-NBfY6Dtad4vbIZ'),
    ],
    'generic/secrets/security/detected-google-oauth.txt': [
        (2, 'rm', '300061924372-UR9fg7OO3Ajs6nvr5s4kQNugr4j8tsf2'),
    ],
    'generic/secrets/security/detected-heroku-api-key.txt': [
        (2, 'rm', 'A6264401-E60A-48A9-941F-6446E78EC164'),
        (5, 'rm', 'a6264401-e60a-48a9-941f-6446e78ec164'),
    ],
    'generic/secrets/security/detected-hockeyapp.txt': [
        (2, 'rm', 'ac4fbb5fa9ae7de11f4c8150394ac543'),
    ],
    'generic/secrets/security/detected-jwt-token.txt': [
        (3, 'rm', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'),
        (7, 'rm', 'eyJ0eXAiOiJKV1QiLA0KImFsZyI6IkhTMjU2In0.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ'),
        (11, 'rm', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJuYW1lIjoiSm9lIiwKInN0YXR1cyI6ImVtcGxveWVlIgp9'),
        (15, 'rm', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IsWww6HFkcOtIMOWxZHDqcOoIiwiaWF0IjoxNTE2MjM5MDIyfQ.k5HibI_uLn_RTuPcaCNkaVaQH2y5q6GvJg8GPpGMRwQ'),
        (19, 'rm', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ'),
        (23, 'keep', 'foreignKeyJsonObject.get(', 'code'),
    ],
    'generic/secrets/security/detected-kolide-api-key.txt': [
        (2, 'rm', 'k2sk_v1_K2UYhW7OPt2jKKLqmFacGNK7'),
    ],
    'generic/secrets/security/detected-mailchimp-api-key.txt': [
        (2, 'rm', 'ac954d9304919994498d92eb0c1669b0-us8'),
    ],
    'generic/secrets/security/detected-mailgun-api-key.txt': [
        (2, 'rm', 'key-e98f02fb71f9ee886e96588012341ca0'),
    ],
    'generic/secrets/security/detected-npm-registry-auth-token.npmrc': [
        (11, 'rm', 'stvtaW46YWRtaW4=', 'npm_auth'),
        (13, 'rm', '27dfe8d8-889b-4380-92ff-9c3c6ea5d478', 'npm_token'),
        (15, 'rm', 'CorrectHorseBatteryStaple', 'npm_password'),
        (17, 'rm', 'CorrectHorseBatteryStaple', 'npm_password'),
        (19, 'keep', '${NPM_TOKEN}', 'env_reference'),
    ],
    'generic/secrets/security/detected-onfido-live-api-token.txt': [
        (2, 'rm', 'api_live.abc123ABC-_.abc123ABC-_abc123ABC-_abc123ABC-', 'onfido_api_token_placeholder'),
        (5, 'rm', 'api_live_ca.abc123ABC-_.abc123ABC-_abc123ABC-_abc123ABC-', 'onfido_api_token_placeholder'),
        (8, 'rm', 'api_live_us.abc123ABC-_.abc123ABC-_abc123ABC-_abc123ABC-', 'onfido_api_token_placeholder'),
    ],
    'generic/secrets/security/detected-outlook-team.txt': [
        (2, 'rm', '9e10b0f2-b994-4bff-b106-473c37cdc555'),
    ],
    'generic/secrets/security/detected-paypal-braintree-access-token.txt': [
        (2, 'rm', 'access_token$production$aaa722wk737379q3$afefae5za65de111123a72251111e065'),
    ],
    'generic/secrets/security/detected-pgp-private-key-block.txt': [
        (2, 'rm', 'xcFGBGA9TVIBBADAvplpHiPPayRrez7uhPb1IbpwLbiQUWuDr86E2oe2pmgqh2NH\n816wloFSzusBN57ZMg77w9iIVLYphynFIQKyGhRvcLENO0R+7SL3T1PsG05ijANH\n4kZuMEnPEin7XvpoeYl0gK3Z1POfrCx5Z/xFxD6H/cXC4zGqQsD8T1zR8wARAQAB\n/gkDCEE4dIF4xaONYL7pTDjXMxF/xJqTNeKXlEUqIPqUIc7i1BZEQNlqHEPImlux\nRUvwkDZ3JvNW250YBgJWM94HQpqmwXvg9Z/L8iNamqzrRPp8I7G7SMOtTzDOS/Ew\n4zrM4kavVhsp4DB+MGjNWRUunc4Y1G8NeK9Oj62siRay8YX2KyeT8zSycLQkPntL\n6wGsd8a5Gn6ffaO/BjUWvGBuZBswoLQirFXWKvAWRv0SW9qv+hG0TfmBNa0uYmKE\nBNi4PDxkWPfFCY+Bp8yONj0GDFCTup4fIiwETvsDkmJtmFYiTCoKu8Ib9YBE25wy\nVvUzi9C5D4sc7t8IYcDV3F1G6WMVRzO+S9aqqFr6zs6IlKvtmzSlMvY/fvbMRW2B\nG0yZP5enIYwST5E+jiufse2oAIaGjqp/82MdTqa+r2+KfI+hTDV5izH+oW1tmqaU\npIaB1fI1xM+lcsFb0e2uWMYOBzgSApIgt/E+tTfQ8mJbf1k32HCg4TPNEWYgPGZA\nZXhhbXBsZS5jb20+wq0EEwEKABcFAmA9TVICGy8DCwkHAxUKCAIeAQIXgAAKCRC/\neygMqXKspGiRA/wLa95Zi3fmUhZn9t9ynsvGb441XPE8jj93lO8LzAM7sMCa93HU\nNxKGfw1KpMREjNcbxU+pIy1qXthh2XyR0Ml60+uEOHEc2JsyNV0PBhB3LkEFRtbk\nAbpJylLCZqlt7O4Ug8JE4Nr460+krd7t1jO7BoMeNWY4eby3+irs+lbI58fBRgRg\nPU1SAQQAwnHPVAnoRWbEKI72R4u9GpRd2/xjKa/LMl/fgXajcq6wlOAiX7cHmxX5\nj6SmnfHqhDNIH9cEAovGH+hZKgBxAyCf9VOGnvJNkCgmQf7sYhU8Yde6XPSg7i5z\nI0o+RQsr4GxZ0mboCp4OuI+UO42zecgC1xtqtUOH6M5OokAR0ScAEQEAAf4JAwiA\nI27qYNZOiWCHwn2p9i85ZfYogjs0qdIdNJEzj+pCbsPSnPKhZSBQn6/NdFjrfyUN\nWp1oRfgm5uJ1/Oalc680bR+cPG8tmDMTZyprQ4hVX5iDqLrFA6iHLUwTVL1h1TDD\ny3vVd5BX0jvXnraH7G/b/AV0cG03AWMaSZAy7kRXCZEh2H1yrFVPbmn/x039JRtr\njdjq9Jgmf1aU4xOGBNz15Wud2/IclsdPwFExARUDg9Z/DMWwpB6S2bg9fPBuauGj\nPkxkLeDIp/AEc+zLRn8cxYuxO+xz5oW1YXvUewUk2MhdXPsl9mfLzSre45PFrJFJ\nHo9U3aJqiD7fftWJ5jaiiofYCAGYcJNUauoYVmVbnCuK7B5kTvocb6eBOQFO2oDQ\n3UZVwkh3AZlnjkRxBJho8zn2IPrp3sOb50fKjrjuC5TjdjsYsOocYwMxwg7ETTFb\njeJdWzzAH1jNi2zA0/ufAHKtigFPjXOtwmqXuvY6MK/yi7hCwsCCBBgBCgAPBQJg\nPU1SBQkPCZwAAhsuAKcJEL97KAypcqyknCAEGQEKAAYFAmA9TVIACgkQEQ+loKbG\nBgOMgwP4ysR3CMk/ALSZx2x+Qi3yqNrUTl/cYJxPvBeNugLrHHwsHBLG8KgNVCLZ\n4U/ET7H+6gcK0EuBUZySN7UpK9ancyowUuako8h/PxVimgOveEV5lscZXnh1Scb6\nyqfVl3hAbb4fvrIkRga0wvOp/ahj0/WID3AwztTJzb+DUqtCTc5yA/0bS3feAN7J\n9zrX/ENOFlxSd4F/d2Ex2ah7+vJ0cHsUu6bcytOGs+2kTcOdFoAhdSZrEEVMROaU\nEQR/LHAmbxSdMqhhxNqCRKUJzInQTigtN0sJLk2MQt1ID1KHN9rcSvG2NA6eEVOT\nlN4YNfUtYTHNxVdqPs+mq/HZJl1gnNV2IcfBRgRgPU1SAQQAsdowhO9JV6CCKS7I\nR+1J28JfqOagUMc4hBMfo7nyf2Jj19fylln+9FRda2i+d0fIG3DPbLmweSsmFhI9\nB+rp5nwADbrUihknTM5PpG0Sp+bxXFIpxY28TApbMKAVsFzqTdaABuAD51e3IwI4\nDSNYWRFzLbv2pdSUgbPTF1FNiksAEQEAAf4JAwh5OowuAOBlG2A8vcwPtKxVK0hQ\nSht4YxMDaFeZ4zz9XkLmlR67BexyKXvsAhAwJbIxQV2wARrw38pAaVrIcVQSbarp\nDwI4C5sqv4Tms+5ImHETXn3bPvjFItvsnr162vcWqvbAchF0WLebCdDPR/dZK7+c\nqahj4yIzcTlZRZiWaSpF8lkTgWXyGZnRyAs5PTrULpspbh2X0m5IhebpSX/eZ3C5\nqonu34JSzoGLBrVnF0CD/63NnL9fCGYsYmsQB6AKbge7AOZiKLRFctI7Td97lJWz\nU4ZaKNyAJ52+/O2QZVN5FJA8hPfaHJD01fwPJgo/yorN03akb1GfzMeXKOuerurd\nNq+VbcDXIFFZJPDEzfbg7lYwWPB5Hg35qrkz3wMUzpve0qxkcMenft0a81O9pO+i\na9DX+O25lIl1y9apyoGezTISkf0ZybvWxthSkg/ypCWaSxVyVWgCcPeAk/vrvTcU\nTxr/zXWbLqC99e9V1/IssuK8wsCDBBgBCgAPBQJgPU1SBQkPCZwAAhsuAKgJEL97\nKAypcqyknSAEGQEKAAYFAmA9TVIACgkQDK0HBdn6glcTLgP8DpcjGnyry1XYcEHf\nSmVox55s5g+oTg5AU5tQ+jHe4Okoq41eFgzats5VmvpzpW/4vt341Jp4RhyZ2Ntl\nbGAW/rOVs0ViabD+2LrmpX4irH7xceqGnFv1PNFJoCusqTSLPGhIU+0Ak28QvKm/\ngyUwgFC0aR5BWQFEAkIv0ftde8j7eAQAoAB8KuPNxxO7hDwd396y2u3f9QdE83Fy\nqSBtrCqlgXurkkQEKz3xzoYX7UjIkZpothy0IcnHINoAsaSDaTTMX8CmQyzWsMl3\nnwNjf2ETFyDRuDdXqANrF7/idNknx0aUz70MfrfBjjD9yNw5CFcsKI7tvE5O2bVk\nX2Y/76F6KQg=\n=6Acw'),
    ],
    'generic/secrets/security/detected-picatic-api-key.jsx': [
        (12, 'rm', 'sk_live_a6afaeada6a1a8a3a6a5a1a2aca1aea7'),
        (16, 'rm', 'sk_live_a6afaeada6a1a8a3a6a5a1a2aca1aea7'),
    ],
    'generic/secrets/security/detected-private-key.txt': [
        (2, 'rm', 'MIIEogIBAAKCAQEAjosMtDUqbE1/8zxZac1t8fkh2SxGuMXHk9yxniyM2m76donW'),
        (6, 'rm', 'MIIEogIBAAKCAQEAjosMtDUqbE1/8zxZac1t8fkh2SxGuMXHk9yxniyM2m76donW'),
        (10, 'rm', 'MIIEogIBAAKCAQEAjosMtDUqbE1/8zxZac1t8fkh2SxGuMXHk9yxniyM2m76donW'),
        (14, 'rm', 'MIIEogIBAAKCAQEAjosMtDUqbE1/8zxZac1t8fkh2SxGuMXHk9yxniyM2m76donW'),
        (18, 'rm', 'MIIEogIBAAKCAQEAjosMtDUqbE1/8zxZac1t8fkh2SxGuMXHk9yxniyM2m76donW'),
        (22, 'rm', 'MIIEogIBAAKCAQEAjosMtDUqbE1/8zxZac1t8fkh2SxGuMXHk9yxniyM2m76donW'),
    ],
    'generic/secrets/security/detected-sauce-token.txt': [
        (2, 'rm', '034e1d2a-681a-4a52-bfa3-256b72c356c0'),
        (5, 'rm', '034E1D2A-681A-4A52-BFA3-256B72C356C0'),
    ],
    'generic/secrets/security/detected-sendgrid-api-key.txt': [
        (2, 'rm', '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'),
    ],
    'generic/secrets/security/detected-slack-token.txt': [
        (2, 'rm', 'xoxb-244636495000-244564491300-Wwpw98abcdabcdefabcdabcz'),
        (5, 'rm', 'xoxp-825568119270-820571134562-983439002315-b3358323912928aeeeeeeeeeeeeeeezz'),
    ],
    'generic/secrets/security/detected-slack-webhook.txt': [
        (2, 'rm', 'abcd1234efgh5678ijkl90zy'),
        (5, 'rm', 'abcd1234efgh5678ijkl90zy'),
    ],
    'generic/secrets/security/detected-snyk-api-key.txt': [
        (2, 'rm', '12e45678-12e4-12e4-12e4-12e456789012'),
        (5, 'rm', '12e45678-12e4-12e4-12e4-12e456789012'),
        (8, 'rm', '12e45678-12e4-12e4-12e4-12e456789012'),
        (11, 'rm', '12e45678-12e4-12e4-12e4-12e456789012'),
    ],
    'generic/secrets/security/detected-softlayer-api-key.txt': [
        (2, 'rm', 'abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234', 'softlayer_api_key_placeholder'),
        (5, 'rm', 'abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234', 'softlayer_api_key_placeholder'),
        (8, 'rm', 'abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234', 'softlayer_api_key_placeholder'),
        (11, 'rm', 'abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234abcd1234', 'softlayer_api_key_placeholder'),
    ],
    'generic/secrets/security/detected-sonarqube-docs-api-key.txt': [
        (2, 'rm', '5eeee8e4deeee2dbfeeeedbeeeec37b7eeeea7b9'),
    ],
    'generic/secrets/security/detected-square-access-token.txt': [
        (2, 'rm', 'sq0atp-KoblahBLAHBLAHbEHA6yuw'),
    ],
    'generic/secrets/security/detected-square-oauth-secret.txt': [
        (2, 'rm', 'sq0csp-0123456789abcdefghijklmnopqrstuvwxyz-blah_x', 'square_secret_placeholder'),
        (5, 'rm', 'sq0csp-ABCDEFGHIJK_LMNOPQRSTUVWXYZ-0123456789\\abcd', 'square_secret_placeholder'),
    ],
    'generic/secrets/security/detected-ssh-password.txt': [
        (2, 'rm', 'blah'),
        (5, 'keep', "sshpass -p '%s'", 'code'),
        (8, 'keep', 'sshpass -p %s', 'code'),
    ],
    'generic/secrets/security/detected-stripe-api-key.txt': [
        (2, 'rm', 'sk_live_xf2fh0Hu3LqXlqqUg2DEWhEz'),
        (5, 'keep', 'sk_live_', 'key_prefix'),
    ],
    'generic/secrets/security/detected-stripe-restricted-api-key.txt': [
        (2, 'rm', 'rk_live_xf2fh0Hu3LqXlqqUg2DEWhEz'),
        (5, 'keep', 'rk_live_', 'key_prefix'),
    ],
    'generic/secrets/security/detected-telegram-bot-api-key.php': [
        (4, 'rm', '12345678:AA101703Wd8JLT6GCtKzxatRHQREQUk_CpK'),
        (8, 'keep', 'github.com/gorilla/mux v1.7.4/go.mod', 'module_path'),
        (10, 'keep', 'h1:AAiG4oLDUArTb7rYf9oO2bkGooOqCaUF6a2u8asBP3I=', 'go_sum_hash'),
    ],
    'generic/secrets/security/detected-twilio-api-key.txt': [
        (2, 'rm', 'SK575796bb721246b5fe003bcc32ebde77'),
    ],
    'generic/secrets/security/detected-username-and-password-in-uri.txt': [
        (2, 'rm', 'passworD123*'),
        (5, 'rm', '**sswor*D12'),
        (8, 'keep', 'https://example.com', 'url'),
        (11, 'keep', 'https://example.com/path/to/something', 'url'),
        (14, 'keep', 'https://example.com/path/to/something?pass=word', 'url'),
        (17, 'keep', 'https://username:************@example.com', 'masked_url'),
        (20, 'keep', 'https://username:*********@example.com', 'masked_url'),
        (23, 'keep', 'https://username:••••••••@example.com', 'masked_url'),
        (26, 'rm', 'Sample%password12'),
        (29, 'rm', 'chakkA12+'),
        (32, 'keep', 'https://www.googly@yoyo.com/yomax#', 'url'),
        (35, 'keep', 'http://google@seeyou.com/mandrek', 'url'),
        (38, 'rm', 'f12*Password'),
        (41, 'rm', 'samplEpassword12*'),
        (44, 'rm', 'Password12^'),
        (47, 'rm', 'passworD0+'),
        (50, 'rm', 'passw0rD1&'),
        (53, 'keep', '{_github_pat(github_secret_name)}', 'template'),
        (56, 'keep', 'https://{get_user_name}:{_github_pat(github_secret_name)}@github.com/', 'template'),
        (59, 'rm', 'pwdTest123+'),
        (65, 'keep', 'https://docker.ouroath.com:4443/paranoids/cameo@sha256:35f1ea3d0ae9dc9b058dd8d224f1bb7e053bc58615778f9317c27b73c86dd806', 'image_reference'),
        (68, 'keep', '[https://npm.vzbuilders.com/-/icon/@vzmi/navrail-utils/latest](http://npm.vzbuilders.com/-/package/@vzmi/navrail-utils)', 'url'),
        (73, 'keep', 'https://registry.npmjs.org/jest-worker/-/jest-worker-28.1.1.tgz', 'url'),
        (85, 'keep', 'https://registry.npmjs.org/supports-color/-/supports-color-8.1.1.tgz', 'url'),
    ],
    'generic/secrets/security/google-maps-apikeyleak.generic': [
        (2, 'rm', 'AIzaSyAOVYRIgupAurZup5y1PRh8Ismb1A3lLao'),
    ],
    'generic/gradle/security/build-gradle-password-hardcoded.build.gradle': [
        (41, 'rm', 'jWnyxxxxxxxxxxX7ZQxxxxxxxx', 'password_placeholder'),
        (45, 'keep', 'LIBRARY_PASS_2', 'env_name'),
        (49, 'rm', 'somerandomstring'),
    ],
    'kotlin/gradle/security/build-gradle-password-hardcoded.build.gradle.kts': [
        (50, 'rm', 'jWnyxxxxxxxxxxX7ZQxxxxxxxx', 'password_placeholder'),
        (54, 'keep', 'LIBRARY_PASS_2', 'env_name'),
    ],
    'go/jwt-go/security/jwt.go': [
        (78, 'skip', 'variable'),
        (80, 'rm', 'my_secret_key'),
    ],
    'java/java-jwt/security/jwt-hardcode.java': [
        (15, 'rm', 'secret'),
        (46, 'rm', 'secret'),
    ],
    'javascript/express/security/audit/express-session-hardcoded-secret.ts': [
        (9, 'skip', 'short'),
        (16, 'keep', 'config.secret', 'code'),
        (24, 'skip', 'variable'),
        (36, 'skip', 'short'),
        (44, 'keep', 'config.secret', 'code'),
    ],
    'javascript/express/security/express-jwt-hardcoded-secret.js': [
        (4, 'rm', 'shhhhhhared-secret'),
        (10, 'rm', 'shhhhhhared-secret'),
        (28, 'keep', 'process.env.SECRET', 'env_reference'),
    ],
    'javascript/jose/security/jwt-hardcode.js': [
        (8, 'rm', 'shhhhh'),
        (16, 'rm', 'shhhhh'),
        (24, 'rm', 'shhhhh'),
        (32, 'rm', 'raz-dva-tri'),
        (40, 'rm', 'raz-dva-tri'),
        (48, 'rm', 'raz-dva-tri'),
        (57, 'skip', 'variable'),
        (66, 'skip', 'variable'),
        (75, 'skip', 'variable'),
        (84, 'skip', 'variable'),
        (93, 'skip', 'variable'),
        (102, 'skip', 'variable'),
        (111, 'skip', 'variable'),
        (120, 'skip', 'variable'),
        (129, 'skip', 'variable'),
        (139, 'skip', 'variable'),
        (149, 'skip', 'variable'),
        (159, 'skip', 'variable'),
    ],
    'javascript/jsonwebtoken/security/jwt-hardcode.js': [
        (10, 'skip', 'variable'),
        (16, 'rm', 'some-secret'),
        (21, 'keep', 'config.secret', 'code'),
        (27, 'keep', 'config.secret', 'code'),
        (34, 'keep', 'process.env.SECRET', 'env_reference'),
        (44, 'skip', 'variable'),
    ],
    'javascript/jsonwebtoken/security/example1.js': [
        (17, 'rm', 'hardcoded-secret'),
    ],
    'javascript/jsonwebtoken/security/example2.js': [
        (16, 'rm', 'hardcoded-secret'),
    ],
    'javascript/jsonwebtoken/security/example3.js': [
        (4, 'rm', 'hardcoded-secret'),
        (13, 'rm', 'hardcoded-secret'),
    ],
    'javascript/jsonwebtoken/security/example4.js': [
        (9, 'skip', 'variable'),
    ],
    'javascript/jsonwebtoken/security/simple-examples.js': [
        (8, 'skip', 'variable'),
        (15, 'rm', 'some-secret'),
        (20, 'keep', 'config.secret', 'code'),
        (27, 'keep', 'config.secret', 'code'),
    ],
    'javascript/lang/security/audit/hardcoded-hmac-key.js': [
        (4, 'rm', 'pa4qacea4VK9t9nGv7yZtwmj'),
        (10, 'skip', 'variable'),
    ],
    'javascript/passport-jwt/security/passport-hardcode.js': [
        (10, 'rm', 'HARDCODED-SECRET', 'oauth_client_secret'),
        (47, 'skip', 'variable'),
        (65, 'skip', 'variable'),
        (88, 'skip', 'variable'),
        (92, 'skip', 'variable'),
    ],
    'python/boto3/security/hardcoded-token.py': [
        (5, 'rm', 'jWnyxxxxxxxxxxxxxxxxX7ZQxxxxxxxxxxxxxxxx', 'aws_secret_access_key_placeholder'),
        (8, 'rm', 'jWnyxxxxxxxxxxxxxxxxX7ZQxxxxxxxxxxxxxxxx', 'aws_secret_access_key_placeholder'),
        (12, 'rm', 'AKIAxxxxxxxxxxxxxxxx', 'aws_access_key_id_placeholder'),
        (17, 'skip', 'variable'),
        (29, 'skip', 'variable'),
        (70, 'keep', '<your token here>', 'placeholder'),
        (70, 'keep', '<your secret here>', 'placeholder'),
        (78, 'keep', 'ACCESS_KEY_ID', 'env_name'),
        (78, 'keep', 'SECRET_ACCESS_KEY', 'env_name'),
    ],
    'python/flask/security/audit/hardcoded-config.py': [
        (6, 'skip', 'not-secret'),
        (8, 'skip', 'not-secret'),
        (10, 'skip', 'not-secret'),
        (13, 'rm', 'aaaa'),
        (15, 'rm', '_5#y2L"F4Q8z\\n\\xec]/'),
        (18, 'skip', 'not-secret'),
        (20, 'skip', 'not-secret'),
        (23, 'skip', 'not-secret'),
        (25, 'skip', 'not-secret'),
        (33, 'keep', 'os.getenv("SECRET_KEY")', 'env_reference'),
        (35, 'keep', 'os.environ["SECRET_KEY"]', 'env_reference'),
    ],
    'python/jwt/security/jwt-hardcode.py': [
        (8, 'rm', 'secret'),
        (13, 'rm', 'secret'),
        (19, 'skip', 'variable'),
        (26, 'skip', 'variable'),
    ],
    'python/lang/security/audit/hardcoded-password-default-argument.py': [
        (11, 'keep', 'something else', 'prose'),
        (15, 'rm', 'this-could-be-bad'),
    ],
    'ruby/jwt/security/jwt-hardcode.rb': [
        (4, 'rm', 'secret-yo'),
        (8, 'rm', 'my$ecretK3y'),
        (10, 'skip', 'variable'),
        (16, 'skip', 'variable'),
        (22, 'rm', 'hardcode'),
        (28, 'skip', 'no-value'),
    ],
    'ruby/lang/security/hardcoded-http-auth-in-controller.rb': [
        (3, 'rm', 'secret'),
    ],
    'ruby/lang/security/hardcoded-secret-rsa-passphrase.rb': [
        (12, 'rm', 'secret'),
        (24, 'skip', 'variable'),
        (30, 'skip', 'variable'),
        (37, 'rm', 'secret'),
        (39, 'skip', 'variable'),
        (47, 'skip', 'variable'),
        (50, 'skip', 'variable'),
        (52, 'skip', 'variable'),
        (54, 'skip', 'variable'),
        (61, 'keep', "ENV['SECRET']", 'env_reference'),
    ],
    'ruby/rails/security/brakeman/check-rails-secret-yaml.secrets.test.yml': [
        (12, 'keep', '<%= ENV["SECRET_KEY_BASE"] %>', 'env_reference'),
        (26, 'rm', 'super_duper_secret_key'),
    ],
    'ruby/rails/security/brakeman/check-secrets.rb': [
        (2, 'rm', 'superdupersecret'),
    ],
    'ruby/rails/security/brakeman/check-rails-session-secret-handling.rb': [
        (5, 'rm', 'secret!', 'rails_session_secret'),
        (13, 'keep', "ENV['mysecret']", 'env_reference'),
        (18, 'rm', '5cd420fa1791cbbe44796ff5d37af5eaea9e4a821c18cb4947c5a0002ca5751970e0376909bc6ee8da7430982f1e529ee856512abb1f1d6ea442c021893cb993'),
        (21, 'rm', '3d90f727dcc14992232b9461fac5d31cf2bc184854e0afd90ae67e0ae48f22b676ee2529c84d4c23bc2a9c7be6eeefcf202b91ccb8d04e7b87a85c852f6784d6', 'rails_secret_key_base'),
        (24, 'keep', 'ENV["SECRET_TOKEN"]', 'env_reference'),
    ],
    'scala/jwt-scala/security/jwt-scala-hardcode.scala': [
        (11, 'skip', 'variable'),
        (29, 'skip', 'variable'),
        (39, 'skip', 'variable'),
        (41, 'skip', 'variable'),
    ],
    'scala/scala-jwt/security/jwt-hardcode.scala': [
        (16, 'rm', 'secret'),
    ],
    'terraform/aws/security/aws-provider-static-credentials.tf': [
        (5, 'rm', 'randomcharactersabcdef'),
        (13, 'rm', 'randomcharactersabcdef'),
        (19, 'keep', '/Users/tf_user/.aws/creds', 'file_path'),
    ],
    'terraform/aws/security/aws-lambda-environment-credentials.tf': [
        (31, 'rm', 'AKIAIOSFODNN7EXAMPLE', 'aws_access_key_id_placeholder'),
        (33, 'rm', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'aws_secret_access_key_placeholder'),
    ],
    'terraform/lang/security/rds-insecure-password-storage-in-source-code.tf': [
        (41, 'rm', 'p455w0rd'),
        (51, 'keep', 'aurora-cluster-demo', 'identifier'),
        (68, 'keep', 'random_password.password.result', 'iac_reference'),
        (81, 'skip', 'short'),
    ],
    'yaml/kubernetes/security/secrets-in-config-file.test.yaml': [
        (8, 'rm', 'Y2FsZWJraW5uZXk='),
        (10, 'keep', '{UUID}', 'placeholder'),
        (12, 'rm', 'UzNjcmV0UGEkJHcwcmQ='),
    ],
    'swift/lang/storage/sensitive-storage-userdefaults.swift': [
        (8, 'skip', 'variable'),
        (10, 'skip', 'variable'),
        (13, 'rm', '12717-127163-a71367-127ahc'),
        (17, 'skip', 'variable'),
        (22, 'skip', 'variable'),
        (27, 'skip', 'variable'),
        (32, 'skip', 'variable'),
        (35, 'skip', 'variable'),
    ],
    'dockerfile/security/secret-in-build-arg.dockerfile': [
        (2, 'keep', 'rust', 'image_name'),
        (4, 'keep', 'latest', 'image_tag'),
        (12, 'keep', 'ruby-dev build-base curl-dev git openssl bash', 'package_list'),
        (15, 'keep', 'postgresql-dev', 'package_name'),
        (18, 'keep', 'tzdata', 'package_name'),
        (21, 'keep', 'secret password token key', 'prose'),
        (24, 'skip', 'no-value'),
        (27, 'skip', 'no-value'),
        (30, 'rm', 'this-is-a-secret'),
        (33, 'skip', 'no-value'),
        (36, 'skip', 'no-value'),
        (39, 'skip', 'no-value'),
        (42, 'skip', 'no-value'),
        (45, 'skip', 'no-value'),
    ],
}
