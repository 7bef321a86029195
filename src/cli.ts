console.log("cadre");
