/// Welsh public bodies and the kinds of invest-to-save work they do, for a synthetic register
/// that reads like the real one. Organisations are real bodies; every person is made up.
enum Catalogue {
    struct Organisation {
        let name: String
        let sector: String
        let region: String
        let size: String
        /// For made-up addresses: `<person>@<domain>`.
        let domain: String
    }

    static let organisations: [Organisation] = [
        .init(name: "Isle of Anglesey County Council", sector: "local-government", region: "north-wales", size: "medium", domain: "anglesey.example"),
        .init(name: "Gwynedd Council", sector: "local-government", region: "north-wales", size: "medium", domain: "gwynedd.example"),
        .init(name: "Conwy County Borough Council", sector: "local-government", region: "north-wales", size: "medium", domain: "conwy.example"),
        .init(name: "Denbighshire County Council", sector: "local-government", region: "north-wales", size: "medium", domain: "denbighshire.example"),
        .init(name: "Flintshire County Council", sector: "local-government", region: "north-wales", size: "large", domain: "flintshire.example"),
        .init(name: "Wrexham County Borough Council", sector: "local-government", region: "north-wales", size: "large", domain: "wrexham.example"),
        .init(name: "Powys County Council", sector: "local-government", region: "mid-wales", size: "medium", domain: "powys.example"),
        .init(name: "Ceredigion County Council", sector: "local-government", region: "mid-wales", size: "small", domain: "ceredigion.example"),
        .init(name: "Pembrokeshire County Council", sector: "local-government", region: "south-west-wales", size: "medium", domain: "pembrokeshire.example"),
        .init(name: "Carmarthenshire County Council", sector: "local-government", region: "south-west-wales", size: "large", domain: "carmarthenshire.example"),
        .init(name: "Swansea Council", sector: "local-government", region: "south-west-wales", size: "large", domain: "swansea.example"),
        .init(name: "Neath Port Talbot Council", sector: "local-government", region: "south-west-wales", size: "medium", domain: "npt.example"),
        .init(name: "Bridgend County Borough Council", sector: "local-government", region: "south-east-wales", size: "medium", domain: "bridgend.example"),
        .init(name: "Vale of Glamorgan Council", sector: "local-government", region: "south-east-wales", size: "medium", domain: "valeofglamorgan.example"),
        .init(name: "Rhondda Cynon Taf County Borough Council", sector: "local-government", region: "south-east-wales", size: "large", domain: "rctcbc.example"),
        .init(name: "Merthyr Tydfil County Borough Council", sector: "local-government", region: "south-east-wales", size: "small", domain: "merthyr.example"),
        .init(name: "Caerphilly County Borough Council", sector: "local-government", region: "south-east-wales", size: "large", domain: "caerphilly.example"),
        .init(name: "Blaenau Gwent County Borough Council", sector: "local-government", region: "south-east-wales", size: "small", domain: "blaenau-gwent.example"),
        .init(name: "Torfaen County Borough Council", sector: "local-government", region: "south-east-wales", size: "small", domain: "torfaen.example"),
        .init(name: "Monmouthshire County Council", sector: "local-government", region: "south-east-wales", size: "medium", domain: "monmouthshire.example"),
        .init(name: "Newport City Council", sector: "local-government", region: "south-east-wales", size: "large", domain: "newport.example"),
        .init(name: "Cardiff Council", sector: "local-government", region: "south-east-wales", size: "large", domain: "cardiff.example"),
        .init(name: "Betsi Cadwaladr University Health Board", sector: "health", region: "north-wales", size: "large", domain: "bcuhb.example"),
        .init(name: "Powys Teaching Health Board", sector: "health", region: "mid-wales", size: "medium", domain: "powysthb.example"),
        .init(name: "Hywel Dda University Health Board", sector: "health", region: "south-west-wales", size: "large", domain: "hyweldda.example"),
        .init(name: "Swansea Bay University Health Board", sector: "health", region: "south-west-wales", size: "large", domain: "sbuhb.example"),
        .init(name: "Cwm Taf Morgannwg University Health Board", sector: "health", region: "south-east-wales", size: "large", domain: "ctmuhb.example"),
        .init(name: "Aneurin Bevan University Health Board", sector: "health", region: "south-east-wales", size: "large", domain: "abuhb.example"),
        .init(name: "Cardiff and Vale University Health Board", sector: "health", region: "south-east-wales", size: "large", domain: "cardiffandvale.example"),
        .init(name: "Coleg Cambria", sector: "further-education", region: "north-wales", size: "medium", domain: "cambria.example"),
        .init(name: "Coleg Sir Gâr", sector: "further-education", region: "south-west-wales", size: "medium", domain: "colegsirgar.example"),
        .init(name: "Coleg Gwent", sector: "further-education", region: "south-east-wales", size: "medium", domain: "coleggwent.example"),
        .init(name: "Bangor University", sector: "higher-education", region: "north-wales", size: "large", domain: "bangor.example"),
        .init(name: "Aberystwyth University", sector: "higher-education", region: "mid-wales", size: "medium", domain: "aber.example"),
        .init(name: "Cardiff University", sector: "higher-education", region: "south-east-wales", size: "large", domain: "cardiffuni.example"),
        .init(name: "North Wales Fire and Rescue Service", sector: "fire-and-rescue", region: "north-wales", size: "medium", domain: "nwales-fire.example"),
        .init(name: "Mid and West Wales Fire and Rescue Service", sector: "fire-and-rescue", region: "mid-wales", size: "medium", domain: "mawwfire.example"),
        .init(name: "South Wales Fire and Rescue Service", sector: "fire-and-rescue", region: "south-east-wales", size: "large", domain: "southwales-fire.example"),
        .init(name: "Dyfed-Powys Police", sector: "police", region: "mid-wales", size: "medium", domain: "dyfed-powys.example"),
        .init(name: "Gwent Police", sector: "police", region: "south-east-wales", size: "medium", domain: "gwent-police.example"),
        .init(name: "Eryri National Park Authority", sector: "national-park", region: "north-wales", size: "small", domain: "eryri.example"),
        .init(name: "Bannau Brycheiniog National Park Authority", sector: "national-park", region: "mid-wales", size: "small", domain: "bannau.example"),
        .init(name: "Natural Resources Wales", sector: "sponsored-body", region: "all-wales", size: "large", domain: "nrw.example"),
        .init(name: "Welsh Government", sector: "central-government", region: "all-wales", size: "large", domain: "gov.wales.example"),
    ]

    /// A theme, and the work a project on it does, in both languages.
    struct Theme {
        let id: String
        let english: String
        let welsh: String
        let works: [(english: String, welsh: String)]
    }

    static let themes: [Theme] = [
        .init(id: "energy-efficiency", english: "Energy efficiency", welsh: "Effeithlonrwydd ynni", works: [
            ("LED street lighting", "Goleuadau stryd LED"), ("Heat pumps in depots", "Pympiau gwres mewn depos"),
            ("Solar panels on schools", "Paneli solar ar ysgolion")]),
        .init(id: "fleet", english: "Fleet", welsh: "Fflyd", works: [
            ("Electric pool cars", "Ceir cronfa trydan"), ("Route planning for refuse collection", "Cynllunio llwybrau casglu sbwriel")]),
        .init(id: "digital", english: "Digital services", welsh: "Gwasanaethau digidol", works: [
            ("Online booking for council services", "Archebu gwasanaethau'r cyngor ar-lein"), ("Mobile working for field staff", "Gweithio symudol i staff maes")]),
        .init(id: "patient-records", english: "Patient records", welsh: "Cofnodion cleifion", works: [
            ("Digital patient records in clinics", "Cofnodion cleifion digidol mewn clinigau"), ("Scanning of paper case notes", "Sganio nodiadau achos papur")]),
        .init(id: "shared-services", english: "Shared services", welsh: "Gwasanaethau a rennir", works: [
            ("Shared payroll service", "Gwasanaeth cyflogres a rennir"), ("Joint procurement hub", "Hyb caffael ar y cyd")]),
        .init(id: "prevention", english: "Prevention", welsh: "Atal", works: [
            ("Falls prevention at home", "Atal cwympiadau yn y cartref"), ("Early help for families", "Cymorth cynnar i deuluoedd")]),
        .init(id: "estates", english: "Estates", welsh: "Ystadau", works: [
            ("Office rationalisation", "Rhesymoli swyddfeydd"), ("Shared depot", "Depo a rennir")]),
        .init(id: "agile-working", english: "Agile working", welsh: "Gweithio ystwyth", works: [
            ("Hot-desking and home working", "Desgiau poeth a gweithio gartref")]),
        .init(id: "frailty", english: "Frailty", welsh: "Eiddilwch", works: [
            ("Frailty response team", "Tîm ymateb eiddilwch"), ("Virtual ward", "Ward rithwir")]),
        .init(id: "procurement", english: "Procurement", welsh: "Caffael", works: [
            ("Contract lots for local suppliers", "Lotiau contract i gyflenwyr lleol")]),
        .init(id: "workforce", english: "Workforce", welsh: "Gweithlu", works: [
            ("Rostering system", "System rota"), ("Agency staff reduction", "Lleihau staff asiantaeth")]),
        .init(id: "transport", english: "Transport", welsh: "Trafnidiaeth", works: [
            ("Patient transport booking hub", "Hyb archebu cludiant cleifion")]),
    ]

    /// Made-up given names and surnames: obviously fictional together.
    static let givenNames = ["Alex", "Bethan", "Carys", "Dafydd", "Eira", "Ffion", "Gareth", "Huw", "Ieuan", "Lowri", "Mari", "Owain", "Rhian", "Sion", "Tomos"]
    static let surnames = ["Sampl", "Enghraifft", "Placeholder", "Dummy", "Ffug", "Example", "Testun", "Prawf"]
}
