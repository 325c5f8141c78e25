package taxonomy

// places are the Places of the programme's countries and their
// neighbours, by country code. Left out on purpose: divisions that are
// also surnames or other places (Guerrero, Hidalgo, Morelos, Durango,
// Puebla of the Puebla Process, Colón, Cortés, La Paz, Santa Ana, San
// Miguel, San Marcos, Toledo, Cartago, Limón, Lempira, Valle, Herrera,
// León, Granada, Rivas, Darién, Cayo, Santiago).
var places = map[string][]string{
	"MEX": {"Chiapas", "Tabasco", "Oaxaca", "Veracruz", "Zacatecas", "Tamaulipas", "Chihuahua", "Sonora",
		"Coahuila", "Nuevo León", "Jalisco", "Michoacán", "Guanajuato", "Querétaro", "Yucatán", "Quintana Roo",
		"Campeche", "Sinaloa", "Aguascalientes", "Baja California", "Tlaxcala", "Colima", "Nayarit",
		"San Luis Potosí", "Tijuana", "Ciudad Juárez", "Tapachula", "Monterrey"},
	"GTM": {"Huehuetenango", "Quetzaltenango", "Alta Verapaz", "Baja Verapaz", "Chimaltenango", "Chiquimula",
		"Escuintla", "Izabal", "Jutiapa", "Petén", "Quiché", "Retalhuleu", "Sacatepéquez", "Sololá",
		"Suchitepéquez", "Totonicapán", "Zacapa"},
	"HND": {"Choluteca", "Comayagua", "Copán", "Francisco Morazán", "Intibucá", "Islas de la Bahía", "Ocotepeque",
		"Olancho", "Yoro", "San Pedro Sula"},
	"SLV": {"Ahuachapán", "Chalatenango", "Cuscatlán", "Sonsonate", "Usulután"},
	"NIC": {"Chinandega", "Jinotega", "Matagalpa", "Estelí", "Nueva Segovia", "Boaco", "Chontales", "Masaya",
		"Carazo"},
	"CRI": {"Alajuela", "Guanacaste", "Puntarenas"},
	"PAN": {"Chiriquí", "Bocas del Toro", "Veraguas", "Coclé"},
	"BLZ": {"Orange Walk", "Stann Creek"},
	"DOM": {"Puerto Plata", "San Pedro de Macorís", "Dajabón", "Elías Piña"},
	"HTI": {"Artibonite", "Cap-Haïtien", "Gonaïves", "Jacmel"},
}

// langAliases are the LangAliases by country code.
var langAliases = map[string]map[string][]string{
	"USA": {"es": {"EU", "EUA"}},
}

func init() {
	for i := range countries {
		countries[i].Places = places[countries[i].Code]
		countries[i].LangAliases = langAliases[countries[i].Code]
	}
}
